import { z } from 'zod';
import { STRIDE_NAMES } from '../domain/stride';

/**
 * The OWASP Threat Dragon v2 model JSON, as far as Threat Dragon relies on it: the fields its
 * schema (`td.vue/src/assets/schema/threat-dragon-v2.schema.json`) requires, plus the threat
 * fields and enum values its editor and report understand. Objects are loose, as in Threat
 * Dragon's own files, because cells carry X6 drawing details (ports, markup, label styling)
 * that nothing here needs to check. Where this is stricter than Threat Dragon's schema (threat
 * `id`, `number`, `score`, `modelType`; a diagram's `cells`), it is because we always write them.
 */

/** Statuses every Threat Dragon 2.x editor and report shows (newer releases add treatment statuses). */
export const THREAT_DRAGON_STATUSES = ['Open', 'Mitigated', 'NotApplicable'] as const;
export const THREAT_DRAGON_SEVERITIES = ['TBD', 'Low', 'Medium', 'High', 'Critical'] as const;
export const THREAT_DRAGON_MODEL_TYPES = ['STRIDE', 'LINDDUN', 'CIA', 'CIADIE', 'PLOT4ai', 'EOP'] as const;
export const THREAT_DRAGON_DIAGRAM_TYPES = [...THREAT_DRAGON_MODEL_TYPES, 'Generic'] as const;

const STRIDE_TYPES: readonly string[] = Object.values(STRIDE_NAMES);

const PointSchema = z.looseObject({ x: z.number(), y: z.number() });
const SizeSchema = z.looseObject({ width: z.number().min(10), height: z.number().min(10) });
const CellIdSchema = z.string().min(2).describe('Cell id, a UUID in practice');
const StrokeSchema = z.looseObject({
  stroke: z.string(),
  strokeWidth: z.number(),
  strokeDasharray: z.string().nullable(),
});
const NodeAttrsSchema = z.looseObject({ body: StrokeSchema.optional() }).describe('X6 styling of the cell');

export const ThreatDragonThreatSchema = z
  .looseObject({
    id: z.uuid(),
    title: z.string().min(1),
    type: z.string().min(1).describe('A category of the modelType, e.g. "Information disclosure"'),
    status: z.enum(THREAT_DRAGON_STATUSES),
    severity: z.enum(THREAT_DRAGON_SEVERITIES),
    description: z.string(),
    mitigation: z.string(),
    modelType: z.enum(THREAT_DRAGON_MODEL_TYPES),
    number: z.number().int().min(0).describe('Shown as "#n"; at most detail.threatTop'),
    score: z.string().describe('Free text, e.g. a likelihood x impact product'),
  })
  .superRefine((threat, ctx) => {
    if (threat.modelType === 'STRIDE' && !STRIDE_TYPES.includes(threat.type)) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: `not a STRIDE category: ${threat.type}` });
    }
  });
export type ThreatDragonThreat = z.infer<typeof ThreatDragonThreatSchema>;

/** Data of an element that can carry threats: actor, process, store and flow. */
const elementData = <T extends string, E extends z.ZodRawShape>(type: T, extra: E) =>
  z
    .looseObject({
      type: z.literal(type),
      name: z.string(),
      description: z.string(),
      isTrustBoundary: z.literal(false),
      outOfScope: z.boolean(),
      reasonOutOfScope: z.string(),
      hasOpenThreats: z.boolean().describe('Whether any of its threats is Open; drawn red when so'),
      threats: z.array(ThreatDragonThreatSchema),
    })
    .extend(extra);

const boundaryData = <T extends string>(type: T) =>
  z.looseObject({
    type: z.literal(type),
    name: z.string(),
    description: z.string(),
    isTrustBoundary: z.literal(true),
    hasOpenThreats: z.literal(false),
  });

const nodeCell = <S extends string, D extends z.ZodType>(shape: S, data: D) =>
  z.looseObject({
    id: CellIdSchema,
    shape: z.literal(shape),
    zIndex: z.number().int(),
    position: PointSchema,
    size: SizeSchema,
    attrs: NodeAttrsSchema.optional(),
    data,
  });

const MarkerSchema = z.union([z.string(), z.looseObject({ name: z.string() })]);
const EdgeAttrsSchema = z.looseObject({ line: z.looseObject({ targetMarker: MarkerSchema }).optional() });

export const ActorCellSchema = nodeCell('actor', elementData('tm.Actor', { providesAuthentication: z.boolean() }));
export const ProcessCellSchema = nodeCell(
  'process',
  elementData('tm.Process', {
    handlesCardPayment: z.boolean(),
    handlesGoodsOrServices: z.boolean(),
    isWebApplication: z.boolean(),
    privilegeLevel: z.string(),
  }),
);
export const StoreCellSchema = nodeCell(
  'store',
  elementData('tm.Store', {
    isALog: z.boolean(),
    isEncrypted: z.boolean(),
    isSigned: z.boolean(),
    storesCredentials: z.boolean(),
    storesInventory: z.boolean(),
  }),
);
export const BoundaryBoxCellSchema = nodeCell('trust-boundary-box', boundaryData('tm.BoundaryBox'));
export const TextCellSchema = nodeCell(
  'td-text-block',
  z.looseObject({ type: z.literal('tm.Text'), name: z.string(), hasOpenThreats: z.literal(false) }),
);

export const FlowCellSchema = z.looseObject({
  id: CellIdSchema,
  shape: z.literal('flow'),
  zIndex: z.number().int(),
  source: z.looseObject({ cell: CellIdSchema }),
  target: z.looseObject({ cell: CellIdSchema }),
  vertices: z.array(PointSchema).optional(),
  attrs: EdgeAttrsSchema.optional(),
  data: elementData('tm.Flow', {
    protocol: z.string(),
    isBidirectional: z.boolean(),
    isEncrypted: z.boolean(),
    isPublicNetwork: z.boolean(),
  }),
});

export const BoundaryCurveCellSchema = z.looseObject({
  id: CellIdSchema,
  shape: z.literal('trust-boundary-curve'),
  zIndex: z.number().int(),
  source: z.looseObject({ x: z.number().int(), y: z.number().int() }),
  target: z.looseObject({ x: z.number().int(), y: z.number().int() }),
  vertices: z.array(PointSchema).optional(),
  attrs: EdgeAttrsSchema.optional(),
  data: boundaryData('tm.Boundary'),
});

export const ThreatDragonCellSchema = z.discriminatedUnion('shape', [
  ActorCellSchema,
  ProcessCellSchema,
  StoreCellSchema,
  FlowCellSchema,
  BoundaryBoxCellSchema,
  BoundaryCurveCellSchema,
  TextCellSchema,
]);
export type ThreatDragonCell = z.infer<typeof ThreatDragonCellSchema>;

const NODE_SHAPES: readonly string[] = ['actor', 'process', 'store'];

type ElementCell = Extract<ThreatDragonCell, { shape: 'actor' | 'process' | 'store' | 'flow' }>;

/** Whether a cell is a diagram element, which holds threats (boundaries and text do not). */
export function carriesThreats(cell: ThreatDragonCell): cell is ElementCell {
  return NODE_SHAPES.includes(cell.shape) || cell.shape === 'flow';
}

export const ThreatDragonDiagramSchema = z
  .looseObject({
    id: z.number().int().min(0),
    title: z.string(),
    diagramType: z.enum(THREAT_DRAGON_DIAGRAM_TYPES),
    thumbnail: z.string(),
    version: z.string().max(10),
    description: z.string().optional(),
    placeholder: z.string().optional(),
    cells: z.array(ThreatDragonCellSchema),
  })
  .superRefine((diagram, ctx) => {
    const seen = new Set<string>();
    const nodes = new Set(diagram.cells.filter((cell) => NODE_SHAPES.includes(cell.shape)).map((cell) => cell.id));
    diagram.cells.forEach((cell, i) => {
      if (seen.has(cell.id)) ctx.addIssue({ code: 'custom', path: ['cells', i, 'id'], message: 'duplicate cell id' });
      seen.add(cell.id);
      if (carriesThreats(cell)) {
        const open = cell.data.threats.some((threat) => threat.status === 'Open');
        if (cell.data.hasOpenThreats !== open) {
          ctx.addIssue({ code: 'custom', path: ['cells', i, 'data', 'hasOpenThreats'], message: `must be ${open}` });
        }
      }
      if (cell.shape !== 'flow') return;
      for (const end of ['source', 'target'] as const) {
        if (!nodes.has(cell[end].cell)) {
          ctx.addIssue({ code: 'custom', path: ['cells', i, end, 'cell'], message: 'must name an element cell' });
        }
      }
    });
  });
export type ThreatDragonDiagram = z.infer<typeof ThreatDragonDiagramSchema>;

export const ThreatDragonModelSchema = z
  .looseObject({
    version: z.string().max(10),
    summary: z.looseObject({
      title: z.string(),
      owner: z.string().optional(),
      description: z.string().optional(),
      id: z.union([z.number().int().min(0), z.string().min(2)]).optional(),
    }),
    detail: z.looseObject({
      contributors: z.array(z.looseObject({ name: z.string() })),
      diagrams: z.array(ThreatDragonDiagramSchema),
      diagramTop: z.number().int().min(0).describe('The next diagram id'),
      reviewer: z.string(),
      threatTop: z.number().int().min(0).describe('The highest threat number handed out'),
    }),
  })
  .superRefine((model, ctx) => {
    const { diagrams, diagramTop, threatTop } = model.detail;
    diagrams.forEach((diagram, d) => {
      if (diagram.id >= diagramTop) {
        ctx.addIssue({ code: 'custom', path: ['detail', 'diagrams', d, 'id'], message: 'must be below diagramTop' });
      }
      diagram.cells.forEach((cell, c) => {
        if (!carriesThreats(cell)) return;
        cell.data.threats.forEach((threat, t) => {
          if (threat.number > threatTop) {
            const path = ['detail', 'diagrams', d, 'cells', c, 'data', 'threats', t, 'number'];
            ctx.addIssue({ code: 'custom', path, message: 'must not exceed threatTop' });
          }
        });
      });
    });
  })
  .describe('An OWASP Threat Dragon v2 model');
export type ThreatDragonModel = z.infer<typeof ThreatDragonModelSchema>;
