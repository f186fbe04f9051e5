import { z } from 'zod';
import { LIMITS } from './limits';
import { ActorRefSchema, InstantSchema, SlackUserIdSchema, text } from './primitives';

export const RISK_LEVEL_MIN = 1;
export const RISK_LEVEL_MAX = 5;

const level = z.number().int().min(RISK_LEVEL_MIN).max(RISK_LEVEL_MAX);

/** Likelihood and impact of a threat, each on a 1 (lowest) to 5 (highest) scale. */
export const RiskRatingSchema = z
  .strictObject({
    likelihood: level.describe('1 rare … 5 almost certain'),
    impact: level.describe('1 negligible … 5 severe'),
  })
  .describe('A likelihood x impact rating');
export type RiskRating = z.infer<typeof RiskRatingSchema>;

/** The four risk treatments of the OWASP cheat sheet. */
export const RISK_DECISIONS = ['mitigate', 'accept', 'transfer', 'avoid'] as const;
export const RiskDecisionTypeSchema = z.enum(RISK_DECISIONS).describe('How the risk is treated');
export type RiskDecisionType = z.infer<typeof RiskDecisionTypeSchema>;

export const RiskDecisionSchema = z
  .strictObject({
    type: RiskDecisionTypeSchema,
    reason: text(LIMITS.descriptionMax).optional().describe('Why; required to accept, transfer or avoid a risk'),
    decidedBy: SlackUserIdSchema.describe('Who took the decision (for an acceptance: who accepted the risk)'),
    decidedAt: InstantSchema,
  })
  .superRefine((decision, ctx) => {
    if (decision.type !== 'mitigate' && !decision.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `a reason is required to ${decision.type} a risk`,
      });
    }
  })
  .describe('The risk decision on one threat');
export type RiskDecision = z.infer<typeof RiskDecisionSchema>;

/** Step 4 data of one threat. */
export const RiskAssessmentSchema = z
  .strictObject({
    before: RiskRatingSchema.optional().describe('Rating before mitigation (inherent risk)'),
    after: RiskRatingSchema.optional().describe('Rating after mitigation (residual risk)'),
    decision: RiskDecisionSchema.optional(),
    ratedBy: ActorRefSchema.optional(),
  })
  .describe('Step 4: the risk review of one threat');
export type RiskAssessment = z.infer<typeof RiskAssessmentSchema>;
