import { z } from 'zod';

/**
 * A Threat Dragon v2 file as the tool writes it (td.vue's `service/schema/threat-dragon-v2`),
 * read leniently: loose objects, so fields of other releases (v1-era `ruleId`, `threatId`,
 * `isTrustBoundary`, `hasOpenThreats`, `diagramJson` leftovers) pass, and anything this does not
 * map is listed. Version 1 files (JointJS diagrams) are told apart and refused with advice.
 */
export const TdFileThreatSchema = z.looseObject({
  id: z.string().optional(),
  title: z.string().optional(),
  status: z.string().optional(),
  severity: z.string().optional(),
  type: z.string().optional(),
  description: z.string().optional(),
  mitigation: z.string().optional(),
  modelType: z.string().optional(),
  number: z.number().optional(),
  score: z.string().optional(),
});
export type TdFileThreat = z.infer<typeof TdFileThreatSchema>;

const Point = z.looseObject({ x: z.number(), y: z.number() });

export const TdFileCellSchema = z.looseObject({
  id: z.string(),
  shape: z.string(),
  position: Point.optional(),
  size: z.looseObject({ width: z.number(), height: z.number() }).optional(),
  source: z.looseObject({ cell: z.string().optional() }).optional(),
  target: z.looseObject({ cell: z.string().optional() }).optional(),
  data: z
    .looseObject({
      type: z.string().optional(),
      name: z.string().optional(),
      description: z.string().optional(),
      outOfScope: z.boolean().optional(),
      reasonOutOfScope: z.string().optional(),
      protocol: z.string().optional(),
      isPublicNetwork: z.boolean().optional(),
      threats: z.array(TdFileThreatSchema).optional(),
    })
    .optional(),
  attrs: z.unknown().optional(),
  labels: z.unknown().optional(),
});
export type TdFileCell = z.infer<typeof TdFileCellSchema>;

export const TdFileSchema = z.looseObject({
  version: z.string().optional(),
  summary: z.looseObject({
    title: z.string().optional(),
    owner: z.string().optional(),
    description: z.string().optional(),
  }),
  detail: z.looseObject({
    contributors: z.array(z.unknown()).optional(),
    diagrams: z.array(
      z.looseObject({
        title: z.string().optional(),
        diagramType: z.string().optional(),
        cells: z.array(TdFileCellSchema).optional(),
        diagramJson: z.unknown().optional(),
      }),
    ),
    reviewer: z.string().optional(),
  }),
});
export type TdFile = z.infer<typeof TdFileSchema>;

/** Whether parsed JSON looks like a Threat Dragon file (any version). */
export function looksLikeThreatDragon(json: unknown): boolean {
  return typeof json === 'object' && json !== null && 'summary' in json && 'detail' in json;
}

/** Threat Dragon 1.x: diagrams drawn with JointJS, under `diagramJson`, no `cells`. */
export function isThreatDragonV1(file: TdFile): boolean {
  const major = Number((file.version ?? '').split('.')[0]);
  if (Number.isFinite(major) && major >= 2) return false;
  return file.detail.diagrams.some((diagram) => diagram.diagramJson !== undefined && diagram.cells === undefined);
}
