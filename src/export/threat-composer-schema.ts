import { z } from 'zod';

/**
 * AWS Threat Composer's `.tc.json` import format (schema 1), as its importer checks it: the zod
 * types in `packages/threat-composer/src/customTypes/` and the limits in `src/configs/`. The
 * importer rejects the WHOLE file on a single unknown key or invalid value, so our export is
 * validated against this before anyone downloads it.
 *
 * Where this is stricter than the importer (so anything passing here passes there): `schema` must
 * be exactly 1, there is no `workspace` or `brainstorm`, every section is present, ids are UUIDs
 * (the importer only checks length), custom metadata values are capped, links must point at
 * entities in the file.
 */

/** The limits we enforce; each is Threat Composer's unless marked ours. */
export const THREAT_COMPOSER_LIMITS = {
  /** `applicationInfo.name`. */
  applicationNameMax: 200,
  /** One threat grammar field, impacted goal or impacted asset; also `customTemplate`. */
  grammarFieldMax: 200,
  /** The rendered `statement`: seven grammar fields' worth. */
  statementMax: 1400,
  /** Markdown of `applicationInfo`, `architecture` and `dataflow` descriptions. */
  markdownMax: 100_000,
  /** Mitigation and assumption `content`. */
  contentMax: 1000,
  /** The `Comments` metadata value. */
  commentsMax: 1000,
  /** A metadata key, `custom:` prefix included. */
  metadataKeyMax: 50,
  /** Ours: a custom metadata value (the importer sets none; its editor stops at 100,000). */
  customValueMax: 100_000,
  /** One tag. */
  tagMax: 30,
  /** An entity id; link ids must be exactly this long. */
  idLength: 36,
  /** An http(s) diagram image URL. */
  imageUrlMax: 2048,
  /** A `data:image/...;base64,` diagram image, prefix included. */
  imageBase64Max: 1_000_000,
} as const;

const L = THREAT_COMPOSER_LIMITS;

/** The importer's `REGEX_CONTENT_IMAGE_URL` (it is not anchored at the end). */
export const IMAGE_URL_PATTERN =
  /^https?:\/\/(www\.)?[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-zA-Z0-9()]{1,6}\b([-a-zA-Z0-9()@:%_+.~#?&/=]*)/i;
/** The importer's `REGEX_CONTENT_IMAGE_BASE64`, without its `g` flag. */
export const IMAGE_BASE64_PATTERN =
  /^data:image\/[a-z+]{3,};base64,(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/i;

export const TC_THREAT_STATUSES = ['threatIdentified', 'threatResolved', 'threatResolvedNotUseful'] as const;
export type TcThreatStatus = (typeof TC_THREAT_STATUSES)[number];

export const TC_MITIGATION_STATUSES = [
  'mitigationIdentified',
  'mitigationInProgress',
  'mitigationResolved',
  'mitigationResolvedWillNotAction',
] as const;
export type TcMitigationStatus = (typeof TC_MITIGATION_STATUSES)[number];

export const TC_PRIORITIES = ['High', 'Medium', 'Low'] as const;
export type TcPriority = (typeof TC_PRIORITIES)[number];

export const TC_STRIDE = ['S', 'T', 'R', 'I', 'D', 'E'] as const;

export const CUSTOM_METADATA_PREFIX = 'custom:';

const Uuid = z.uuid().describe('Entity id: 36 characters (the importer documents UUID v4; we write v5)');
const Tag = z.string().min(1).max(L.tagMax);

const CommentsMetadata = z.strictObject({ key: z.literal('Comments'), value: z.string().max(L.commentsMax) });
const CustomMetadata = z.strictObject({
  key: z.string().startsWith(CUSTOM_METADATA_PREFIX).max(L.metadataKeyMax),
  value: z.union([z.string().max(L.customValueMax), z.array(z.string().max(L.customValueMax))]),
});

/** Metadata of an assumption: `Comments` and `custom:*` only. */
export const TcMinimalMetadataSchema = z.union([CommentsMetadata, CustomMetadata]);

/** Metadata of a threat: also STRIDE letters, a priority and threat-pack provenance. */
export const TcThreatMetadataSchema = z.union([
  CommentsMetadata,
  CustomMetadata,
  z.strictObject({ key: z.literal('source'), value: z.literal('threatPack') }),
  z.strictObject({ key: z.literal('STRIDE'), value: z.array(z.enum(TC_STRIDE)) }),
  z.strictObject({ key: z.literal('Priority'), value: z.enum(TC_PRIORITIES) }),
  z.strictObject({ key: z.literal('threatPackId'), value: z.string().min(1).max(30) }),
  z.strictObject({ key: z.literal('threatPackThreatId'), value: z.string().max(L.idLength) }),
  z.strictObject({ key: z.literal('threatPackMitigationCandidateId'), value: z.string().max(L.idLength) }),
]);
export type TcThreatMetadata = z.infer<typeof TcThreatMetadataSchema>;

/** Metadata of a mitigation: `Comments`, `custom:*` and mitigation-pack provenance; no STRIDE or priority. */
export const TcMitigationMetadataSchema = z.union([
  CommentsMetadata,
  CustomMetadata,
  z.strictObject({ key: z.literal('source'), value: z.literal('mitigationPack') }),
  z.strictObject({ key: z.literal('mitigationPackId'), value: z.string().min(1).max(30) }),
  z.strictObject({ key: z.literal('mitigationPackMitigationId'), value: z.string().max(L.idLength) }),
]);
export type TcMitigationMetadata = z.infer<typeof TcMitigationMetadataSchema>;

const entityBase = {
  id: Uuid,
  numericId: z.number().int().min(1).describe('Shown as T-0001, M-0001, A-0001'),
  displayOrder: z.number().optional(),
  tags: z.array(Tag).optional(),
};

const grammarField = z.string().max(L.grammarFieldMax);

export const TcThreatSchema = z.strictObject({
  ...entityBase,
  metadata: z.array(TcThreatMetadataSchema).optional(),
  threatSource: grammarField.optional(),
  prerequisites: grammarField.optional(),
  threatAction: grammarField.optional(),
  threatImpact: grammarField.optional(),
  impactedGoal: z.array(grammarField).optional(),
  impactedAssets: z.array(grammarField).optional(),
  statement: z.string().max(L.statementMax).optional(),
  customTemplate: z.string().max(L.grammarFieldMax).optional(),
  status: z.enum(TC_THREAT_STATUSES).optional(),
});
export type TcThreat = z.infer<typeof TcThreatSchema>;

export const TcMitigationSchema = z.strictObject({
  ...entityBase,
  metadata: z.array(TcMitigationMetadataSchema).optional(),
  content: z.string().max(L.contentMax),
  status: z.enum(TC_MITIGATION_STATUSES).optional(),
});
export type TcMitigation = z.infer<typeof TcMitigationSchema>;

export const TcAssumptionSchema = z.strictObject({
  ...entityBase,
  metadata: z.array(TcMinimalMetadataSchema).optional(),
  content: z.string().max(L.contentMax),
});
export type TcAssumption = z.infer<typeof TcAssumptionSchema>;

export const TcMitigationLinkSchema = z.strictObject({ mitigationId: Uuid, linkedId: Uuid });
export const TcAssumptionLinkSchema = z.strictObject({
  type: z.enum(['Threat', 'Mitigation']),
  assumptionId: Uuid,
  linkedId: Uuid,
});
export type TcAssumptionLink = z.infer<typeof TcAssumptionLinkSchema>;

/** A diagram: an http(s) URL or a base64 data URL, each within its length limit. */
export const TcImageSchema = z.union([
  z.string().max(L.imageUrlMax).regex(IMAGE_URL_PATTERN),
  z.string().max(L.imageBase64Max).regex(IMAGE_BASE64_PATTERN),
]);

const markdown = z.string().max(L.markdownMax).describe('Markdown; headers H3 or smaller');

export const TcImageInfoSchema = z.strictObject({
  description: markdown.optional(),
  image: TcImageSchema.optional(),
});

export const ThreatComposerExportSchema = z
  .strictObject({
    schema: z.literal(1),
    applicationInfo: z.strictObject({
      name: z.string().max(L.applicationNameMax).optional(),
      description: markdown.optional(),
    }),
    architecture: TcImageInfoSchema,
    dataflow: TcImageInfoSchema,
    assumptions: z.array(TcAssumptionSchema),
    mitigations: z.array(TcMitigationSchema),
    assumptionLinks: z.array(TcAssumptionLinkSchema),
    mitigationLinks: z.array(TcMitigationLinkSchema),
    threats: z.array(TcThreatSchema),
  })
  .superRefine((file, ctx) => {
    const ids = [...file.threats, ...file.mitigations, ...file.assumptions].map((entity) => entity.id);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: 'entity ids must be unique' });
    const threats = new Set(file.threats.map((threat) => threat.id));
    const mitigations = new Set(file.mitigations.map((mitigation) => mitigation.id));
    file.mitigationLinks.forEach((link, i) => {
      if (!mitigations.has(link.mitigationId) || !threats.has(link.linkedId)) {
        ctx.addIssue({ code: 'custom', path: ['mitigationLinks', i], message: 'links a mitigation to no threat' });
      }
    });
    const assumptions = new Set(file.assumptions.map((assumption) => assumption.id));
    file.assumptionLinks.forEach((link, i) => {
      const linked = link.type === 'Threat' ? threats : mitigations;
      if (!assumptions.has(link.assumptionId) || !linked.has(link.linkedId)) {
        ctx.addIssue({ code: 'custom', path: ['assumptionLinks', i], message: 'links an assumption to nothing' });
      }
    });
  })
  .describe('A Threat Composer file (schema 1), as our export writes it');
export type ThreatComposerExport = z.infer<typeof ThreatComposerExportSchema>;
