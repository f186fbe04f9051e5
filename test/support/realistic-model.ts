import type { ThreatModel } from '../../src/domain/model';
import { ThreatModelSchema } from '../../src/domain/model';
import { ALICE, BOB, buildMitigation, buildModelWith, buildThreat, CAROL, NOW } from './build-model';

const at = NOW.toISOString();
const done = { completedBy: BOB, completedAt: at };
export const REVIEWER = 'U0SEC0001';

/**
 * The Refunds API as an approved model: three threats (one mitigated, one whose high residual risk
 * Carol proposed and Alice, the Business role holder, accepted, confirmed by the reviewer at
 * approval, one from the catalog with its baseline control only planned), two mitigations,
 * ratings before and after, a review history ending in approval. For export tests.
 */
export function buildApprovedModel(): ThreatModel {
  const model = buildModelWith(
    [
      buildThreat('T-1', {
        impactedAssetIds: ['AS-2'],
        affectedElementIds: ['EP-1', 'C-1'],
        stride: ['T', 'R'],
        risk: {
          before: { likelihood: 4, impact: 4 },
          after: { likelihood: 2, impact: 3 },
          decision: { type: 'mitigate', decidedBy: BOB, decidedAt: at },
          ratedBy: BOB,
        },
      }),
      buildThreat('T-2', {
        threatSource: 'malicious insider',
        prerequisites: 'with read access to the payments database',
        threatAction: 'read card tokens of other customers',
        threatImpact: 'card data exposed',
        impactedGoals: ['confidentiality'],
        impactedAssetIds: ['AS-1'],
        affectedElementIds: ['C-2'],
        stride: ['I'],
        risk: {
          before: { likelihood: 3, impact: 5 },
          // No mitigation addresses T-2, so its rating after mitigation is the one before.
          after: { likelihood: 3, impact: 5 },
          // A high residual risk: proposed by Carol, accepted by Alice (Business), confirmed by AppSec at approval.
          decision: {
            type: 'accept',
            reason: 'Tokens are useless outside our PSP',
            decidedBy: CAROL,
            decidedAt: at,
            acceptance: {
              status: 'accepted',
              by: ALICE,
              at,
              asRole: 'business',
              needsConfirmation: true,
              confirmedBy: REVIEWER,
              confirmedAt: at,
            },
          },
          ratedBy: CAROL,
        },
      }),
      buildThreat('T-3', {
        threatSource: 'internet-based threat actor',
        prerequisites: undefined,
        threatAction: 'flood POST /refunds',
        threatImpact: 'refunds delayed for everyone',
        impactedGoals: ['availability'],
        impactedAssetIds: [],
        affectedElementIds: ['DF-1'],
        stride: ['D'],
        origin: { type: 'catalog', catalogThreatId: 'api-gateway-throttling-missing' },
        risk: {
          before: { likelihood: 3, impact: 3 },
          after: { likelihood: 1, impact: 3 },
          decision: { type: 'mitigate', decidedBy: BOB, decidedAt: at },
        },
      }),
    ],
    [
      buildMitigation('M-1', ['T-1'], {
        status: 'implemented',
        owner: BOB,
        references: ['src/refunds/idempotency.ts#L10-L40', 'https://github.com/acme/refunds/pull/12'],
      }),
      buildMitigation('M-2', ['T-3'], {
        description: 'Throttle POST /refunds per customer',
        status: 'planned',
        baselineControlId: 'api-gateway-throttling',
        owner: ALICE,
      }),
    ],
    {
      status: 'approved',
      threadTs: '1700000000.000100',
      currentStep: 'risk',
      completedSteps: { scope: done, threats: done, mitigations: done, risk: done },
      roles: { business: [ALICE], developer: [BOB], adversary: [CAROL], defender: [BOB], appsec_sme: [] },
      review: {
        requestedBy: ALICE,
        requestedAt: at,
        incomplete: false,
        reviewerId: REVIEWER,
        dueAt: at,
        history: [
          { type: 'requested', by: ALICE, at },
          { type: 'assigned', by: 'system', at, reviewerId: REVIEWER },
          {
            type: 'approved',
            by: REVIEWER,
            at,
            comment: 'Good model; pen-test the refund flow.',
            followUps: ['Pen-test the refund flow before launch', 'Review the payout rate limits next release'],
          },
        ],
      },
    },
  );
  return ThreatModelSchema.parse(model);
}
