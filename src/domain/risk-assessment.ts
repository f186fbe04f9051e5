import { z } from 'zod';
import { LIMITS } from './limits';
import { ActorRefSchema, InstantSchema, multilineText, SlackUserIdSchema } from './primitives';
import { RoleSchema } from './roles';

export const RISK_LEVEL_MIN = 1;
export const RISK_LEVEL_MAX = 5;

const level = z.number().int().min(RISK_LEVEL_MIN).max(RISK_LEVEL_MAX);

/** The bands of the risk matrix, lowest first (flows map every likelihood x impact cell to one). */
export const RISK_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export const RiskBandSchema = z.enum(RISK_BANDS);
export type RiskBand = z.infer<typeof RiskBandSchema>;

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

/**
 * Who answers for accepting (transferring, avoiding) a risk, apart from who proposed it. Pending
 * while the role the flow names for the residual band (the Business role, for a high or critical
 * risk) has not decided; accepted once someone allowed to has. A declined proposal leaves no
 * decision behind (the audit trail keeps it).
 */
export const RiskAcceptanceSchema = z
  .discriminatedUnion('status', [
    z.strictObject({
      status: z.literal('pending'),
      awaiting: RoleSchema.describe('The role whose holder must accept or decline'),
    }),
    z.strictObject({
      status: z.literal('accepted'),
      by: SlackUserIdSchema.describe('Who accepted the risk (may differ from who proposed it)'),
      at: InstantSchema,
      asRole: RoleSchema.optional().describe('The role the flow required, when the band required one'),
      needsConfirmation: z
        .literal(true)
        .optional()
        .describe('The flow asks the AppSec reviewer to confirm this acceptance at approval'),
      confirmedBy: SlackUserIdSchema.optional().describe('The AppSec reviewer who confirmed it, at approval'),
      confirmedAt: InstantSchema.optional(),
    }),
  ])
  .describe('Who accepted the risk, or that the proposal waits for them');
export type RiskAcceptance = z.infer<typeof RiskAcceptanceSchema>;

export const RiskDecisionSchema = z
  .strictObject({
    type: RiskDecisionTypeSchema,
    reason: multilineText(LIMITS.descriptionMax)
      .optional()
      .describe('Why; required to accept, transfer or avoid a risk'),
    decidedBy: SlackUserIdSchema.describe(
      'Who proposed the decision (for "mitigate", who took it); who accepted a risk is in `acceptance`',
    ),
    decidedAt: InstantSchema,
    acceptance: RiskAcceptanceSchema.optional().describe(
      'Accept, transfer or avoid only. Absent in models stored before acceptances were recorded: ' +
        'the proposer then counts as the accepter',
    ),
  })
  .superRefine((decision, ctx) => {
    if (decision.type !== 'mitigate' && !decision.reason) {
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: `a reason is required to ${decision.type} a risk`,
      });
    }
    if (decision.type === 'mitigate' && decision.acceptance) {
      ctx.addIssue({ code: 'custom', path: ['acceptance'], message: 'a risk to mitigate is not accepted' });
    }
    const acceptance = decision.acceptance;
    if (acceptance?.status === 'accepted' && Boolean(acceptance.confirmedBy) !== Boolean(acceptance.confirmedAt)) {
      ctx.addIssue({ code: 'custom', path: ['acceptance'], message: 'a confirmation needs both who and when' });
    }
  })
  .describe('The risk decision on one threat');
export type RiskDecision = z.infer<typeof RiskDecisionSchema>;

/** Step 4 data of one threat. */
export const RiskAssessmentSchema = z
  .strictObject({
    before: RiskRatingSchema.optional().describe('Rating before mitigation (inherent risk)'),
    after: RiskRatingSchema.optional().describe('Rating after mitigation (residual risk): what counts'),
    decision: RiskDecisionSchema.optional(),
    ratedBy: ActorRefSchema.optional(),
  })
  .describe('Step 4: the risk review of one threat');
export type RiskAssessment = z.infer<typeof RiskAssessmentSchema>;
