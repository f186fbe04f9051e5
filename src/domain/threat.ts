import { z } from 'zod';
import { AssetIdSchema, ThreatIdSchema } from './element-ids';
import { InheritedFromSchema } from './inheritance';
import { LIMITS } from './limits';
import { ActorRefSchema, InstantSchema, text, WebUrlSchema } from './primitives';
import { RiskAssessmentSchema } from './risk-assessment';
import { ROLES } from './roles';
import { StrideSchema } from './stride';

const grammarField = (description: string) => text(LIMITS.grammarFieldMax).describe(description);

/** The usual impacted goals; teams may name others (e.g. "privacy", "safety"). */
export const CIA_GOALS = ['confidentiality', 'integrity', 'availability'] as const;

/**
 * The threat grammar of AWS Threat Composer: "A/An {source} {prerequisites} can {action},
 * which leads to {impact}, resulting in reduced {goals} of {assets}". Source and action are
 * required; the other parts make the statement complete.
 */
export const ThreatGrammarSchema = z.strictObject({
  threatSource: grammarField('Who or what acts, e.g. "internet-based threat actor"'),
  prerequisites: grammarField('What they need first, e.g. "with a stolen session token"').optional(),
  threatAction: grammarField('What they can do, e.g. "replay a refund request"'),
  threatImpact: grammarField('The direct result, e.g. "refunds paid twice"').optional(),
  impactedGoals: z
    .array(grammarField('A security goal such as confidentiality, integrity or availability'))
    .max(10)
    .default([]),
});
export type ThreatGrammar = z.infer<typeof ThreatGrammarSchema>;

/** Where a threat came from, so reviewers can trace it and catalogs can learn. */
export const ThreatOriginSchema = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('manual') }),
    z.strictObject({
      type: z.literal('catalog'),
      catalogThreatId: z.string().min(1).max(100).describe('The catalog threat it was added from'),
    }),
    z.strictObject({
      type: z.literal('persona_prompt'),
      role: z.enum(ROLES),
      promptId: z.string().min(1).max(100),
    }),
    z.strictObject({
      type: z.literal('slack_message'),
      permalink: WebUrlSchema.describe('Permalink of the thread message the threat was captured from'),
    }),
  ])
  .describe('Where the threat came from');
export type ThreatOrigin = z.infer<typeof ThreatOriginSchema>;

/** Step 2: one threat, in the grammar, classified and placed on the model's elements. */
export const ThreatSchema = ThreatGrammarSchema.extend({
  id: ThreatIdSchema,
  impactedAssetIds: z.array(AssetIdSchema).max(LIMITS.elementsMax).default([]),
  stride: z.array(StrideSchema).max(6).default([]).describe('STRIDE categories of the threat'),
  affectedElementIds: z
    .array(z.string().regex(/^(AC|EP|C|DF)-[1-9]\d{0,5}$/))
    .max(LIMITS.elementsMax)
    .default([])
    .describe('Actors, entry points, components and data flows the threat affects'),
  origin: ThreatOriginSchema.default({ type: 'manual' }),
  risk: RiskAssessmentSchema.default({}),
  inherited: InheritedFromSchema.optional(),
  createdBy: ActorRefSchema,
  createdAt: InstantSchema,
}).describe('A threat to the feature');
export type Threat = z.infer<typeof ThreatSchema>;
