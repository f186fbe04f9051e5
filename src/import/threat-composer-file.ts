import { z } from 'zod';

/**
 * A Threat Composer file as the tool writes it, read leniently: every section optional, unknown
 * keys allowed (brainstorm data, workspace settings, newer fields), since the mapper lists what it
 * does not use rather than refusing the file. Types are checked where the mapper reads a field.
 */
const Metadata = z.looseObject({ key: z.string(), value: z.union([z.string(), z.array(z.string())]) });

const entity = {
  id: z.string().min(1),
  numericId: z.number().optional(),
  tags: z.array(z.string()).optional(),
  metadata: z.array(Metadata).optional(),
};

export const TcFileThreatSchema = z.looseObject({
  ...entity,
  threatSource: z.string().optional(),
  prerequisites: z.string().optional(),
  threatAction: z.string().optional(),
  threatImpact: z.string().optional(),
  impactedGoal: z.array(z.string()).optional(),
  impactedAssets: z.array(z.string()).optional(),
  statement: z.string().optional(),
  customTemplate: z.string().optional(),
  status: z.string().optional(),
});
export type TcFileThreat = z.infer<typeof TcFileThreatSchema>;

const ContentEntity = z.looseObject({ ...entity, content: z.string(), status: z.string().optional() });
export type TcFileEntity = z.infer<typeof ContentEntity>;

const ImageInfo = z.looseObject({ description: z.string().optional(), image: z.string().optional() }).optional();

export const TcFileSchema = z.looseObject({
  schema: z.number().optional(),
  applicationInfo: z.looseObject({ name: z.string().optional(), description: z.string().optional() }).optional(),
  architecture: ImageInfo,
  dataflow: ImageInfo,
  assumptions: z.array(ContentEntity).optional(),
  mitigations: z.array(ContentEntity).optional(),
  assumptionLinks: z
    .array(z.looseObject({ type: z.string(), assumptionId: z.string(), linkedId: z.string() }))
    .optional(),
  mitigationLinks: z.array(z.looseObject({ mitigationId: z.string(), linkedId: z.string() })).optional(),
  threats: z.array(TcFileThreatSchema).optional(),
});
export type TcFile = z.infer<typeof TcFileSchema>;

/** The keys of a Threat Composer file that this reads; others are listed as not imported. */
export const TC_KNOWN_KEYS = new Set([
  'schema',
  'applicationInfo',
  'architecture',
  'dataflow',
  'assumptions',
  'mitigations',
  'assumptionLinks',
  'mitigationLinks',
  'threats',
]);

/** Whether parsed JSON looks like a Threat Composer file (or its legacy bare array of threats). */
export function looksLikeThreatComposer(json: unknown): boolean {
  if (Array.isArray(json))
    return json.every(
      (item) =>
        (typeof item === 'object' && item !== null && 'threatAction' in item) ||
        (typeof item === 'object' && item !== null && 'statement' in item),
    );
  if (typeof json !== 'object' || json === null) return false;
  return ['threats', 'mitigations', 'assumptions', 'applicationInfo'].some((key) => key in json);
}
