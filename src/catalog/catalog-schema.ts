import { z } from 'zod';
import { LIMITS } from '../domain/limits';
import { multilineText, text, WebUrlSchema } from '../domain/primitives';
import { CUSTOM_ENTRY_POINT_KIND } from '../domain/scope';
import { ResponsibilityModelSchema } from '../domain/shared-responsibility';
import { StrideSchema } from '../domain/stride';

/**
 * The shape of a catalog file. A catalog folder holds any number of YAML files, each with any of
 * the three lists below; all files of all catalog folders are merged into one catalog, in which
 * every id is unique. Catalog text is written in our own words; references cite public ids.
 */

export const CatalogIdSchema = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, such as thr-sql-injection')
  .describe('Id, unique across every catalog file');

/** Short enough for a Block Kit option label (75 characters). */
const title = text(LIMITS.nameMax).describe('Short title, shown as a checkbox label in Slack');

export const ReferencesSchema = z
  .strictObject({
    cwe: z.array(z.string().regex(/^CWE-\d{1,5}$/, 'must look like CWE-89')).optional(),
    capec: z.array(z.string().regex(/^CAPEC-\d{1,5}$/, 'must look like CAPEC-66')).optional(),
    owaspTop10: z
      .array(z.string().regex(/^A(0[1-9]|10):2021$/, 'must be an OWASP Top 10 2021 id such as A03:2021'))
      .optional(),
    asvs: z
      .array(z.string().regex(/^v[45]\.0\.\d+-\d{1,2}\.\d{1,2}\.\d{1,2}$/, 'must be an ASVS id such as v5.0.0-6.2.1'))
      .optional()
      .describe('OWASP ASVS requirement ids'),
    awsFsbp: z
      .array(z.string().regex(/^[A-Za-z0-9]+\.\d{1,3}$/, 'must be an AWS FSBP control id such as S3.5'))
      .optional()
      .describe('AWS Foundational Security Best Practices control ids'),
    links: z.array(WebUrlSchema).optional(),
  })
  .describe('Public identifiers this entry relates to');
export type References = z.infer<typeof ReferencesSchema>;

/** A way in that a component type exposes natively, offered when an entry point is added on it. */
export const EntryPointKindSchema = z
  .strictObject({
    id: CatalogIdSchema.refine((id) => id !== CUSTOM_ENTRY_POINT_KIND, {
      message: `"${CUSTOM_ENTRY_POINT_KIND}" is offered on every component; give native kinds other ids`,
    }).describe('Id, unique within the component type'),
    name: title.describe('Shown as an option in the entry-point modal'),
    exposure: z
      .boolean()
      .default(false)
      .describe('Whether the team chooses private or public exposure for it (as for the S3 API)'),
  })
  .describe('A native entry-point kind');
export type EntryPointKind = z.infer<typeof EntryPointKindSchema>;

export const ComponentTypeSchema = z
  .strictObject({
    id: CatalogIdSchema,
    name: title,
    description: multilineText(LIMITS.descriptionMax),
    category: z.enum(['generic', 'aws']).describe('A generic building block, or an AWS service implementing one'),
    dfdKind: z
      .enum(['external_entity', 'process', 'data_store'])
      .describe('How it appears in a data-flow diagram; decides which STRIDE categories apply'),
    implements: z
      .array(CatalogIdSchema)
      .default([])
      .describe('Generic types this one is an instance of; threats of those apply to it too'),
    responsibility: ResponsibilityModelSchema.optional(),
    entryPointKinds: z
      .array(EntryPointKindSchema, {
        error: (issue) =>
          issue.input === undefined
            ? 'every component type lists its native entry-point kinds (entryPointKinds), such as its API'
            : undefined,
      })
      .min(1, 'every component type lists at least one native entry-point kind')
      .superRefine((kinds, ctx) => {
        kinds.forEach((kind, i) => {
          if (kinds.findIndex((k) => k.id === kind.id) < i)
            ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate entry-point kind ${kind.id}` });
        });
      })
      .describe('The ways in this type exposes natively; every component also offers "custom"'),
  })
  .describe('A kind of component a model can contain');
export type ComponentType = z.infer<typeof ComponentTypeSchema>;

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export const CatalogThreatSchema = z
  .strictObject({
    id: CatalogIdSchema,
    title,
    threatSource: text(LIMITS.grammarFieldMax).describe('Grammar: who acts'),
    prerequisites: text(LIMITS.grammarFieldMax).optional().describe('Grammar: what they need first'),
    threatAction: text(LIMITS.grammarFieldMax).describe('Grammar: what they can do'),
    threatImpact: text(LIMITS.grammarFieldMax).optional().describe('Grammar: the direct result'),
    impactedGoals: z.array(text(LIMITS.grammarFieldMax)).min(1).describe('Grammar: security goals reduced'),
    impactedAssets: z
      .array(text(LIMITS.grammarFieldMax))
      .default([])
      .describe('Grammar: kinds of asset hurt; the team maps them to its own assets'),
    stride: z.array(StrideSchema).min(1).describe('STRIDE categories'),
    appliesTo: z.array(CatalogIdSchema).min(1).describe('Component types this threat is suggested for'),
    controls: z.array(CatalogIdSchema).default([]).describe('Baseline controls that mitigate it'),
    severity: z.enum(SEVERITIES).describe('Typical severity, used to rank suggestions'),
    references: ReferencesSchema.default({}),
  })
  .describe('A reusable threat');
export type CatalogThreat = z.infer<typeof CatalogThreatSchema>;

export const ControlSchema = z
  .strictObject({
    id: CatalogIdSchema,
    title,
    description: multilineText(LIMITS.descriptionMax).describe('What to do, concretely'),
    stride: z.array(StrideSchema).min(1).describe('STRIDE categories it mitigates'),
    appliesTo: z.array(CatalogIdSchema).min(1).describe('Component types where it applies'),
    mitigates: z
      .array(CatalogIdSchema)
      .default([])
      .describe('Extra threats it mitigates, e.g. an organisation control for a shipped threat'),
    references: ReferencesSchema.default({}),
  })
  .describe('A baseline control');
export type Control = z.infer<typeof ControlSchema>;

export const CatalogFileSchema = z
  .strictObject({
    componentTypes: z.array(ComponentTypeSchema).optional(),
    threats: z.array(CatalogThreatSchema).optional(),
    controls: z.array(ControlSchema).optional(),
  })
  .describe('One Threadmodel catalog file');
export type CatalogFile = z.infer<typeof CatalogFileSchema>;
