import type { Flow } from '../domain/flow';
import type { ThreatModel } from '../domain/model';
import type { RiskScore } from '../domain/risk';
import type { RiskAssessment } from '../domain/risk-assessment';
import {
  type RiskReviewField,
  type RiskReviewOutcome,
  type RiskReviewResult,
  reviewRisk,
} from '../domain/risk-decisions';
import type { ReopenedSteps } from '../domain/stale-steps';
import type { Threat } from '../domain/threat';
import type { ModelRef } from '../ports/model-store';
import { type EditDeps, editModel } from './edit-model';
import { type AccessDeps, editableModel } from './model-access';
import type { UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export type RateRiskDeps = AccessDeps & EditDeps & Pick<UseCaseDeps, 'cards'>;

export interface RateRiskInput {
  ref: ModelRef;
  /** The Slack user who rates the risk and proposes (or takes) the decision. */
  by: string;
  threatId: string;
  /** The ratings before and after mitigation, and the decision. */
  risk: RiskAssessment;
}

/** A refusal of a risk review names the form field it is about, for an inline error. */
export type RateRiskOutcome = UseCaseOutcome<{
  model: ThreatModel;
  threat: Threat;
  result: RiskReviewResult;
  before?: RiskScore;
  after?: RiskScore;
  /** The completed steps this review broke, which reopened. */
  reopened: ReopenedSteps | undefined;
}> & { field?: RiskReviewField };

/**
 * What the rules say of a risk review against the model as it is now, without storing anything:
 * the risk modal shows a refusal inline before it closes. `rateRisk` applies the same rules again
 * inside the write.
 */
export function checkRiskReview(
  deps: { flow: Flow; clock: () => Date },
  model: ThreatModel,
  input: Omit<RateRiskInput, 'ref'>,
): { ok: true } | { ok: false; field: RiskReviewField; message: string } {
  const outcome = reviewRisk(deps.flow, model, { ...input, at: deps.clock() });
  return outcome.ok ? { ok: true } : { ok: false, field: outcome.field, message: outcome.message };
}

/**
 * Record the risk review of one of the team's threats: the ratings, scored on the flow's risk
 * matrix, and the decision. An acceptance (transfer, avoidance) the proposer may not take alone
 * is stored as a proposal waiting for the role the flow names; the result says whom to ask. The
 * audit trail names it: `risk.mitigate`, `risk.accept` (accepted by the proposer), or
 * `risk.accept.proposed` (waiting).
 */
export async function rateRisk(deps: RateRiskDeps, input: RateRiskInput): Promise<RateRiskOutcome> {
  const { ref, by, threatId, risk } = input;
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  if (!access.ok) return access;
  const at = deps.clock();
  const preview = reviewRisk(deps.flow, access.model, { threatId, risk, by, at });
  if (!preview.ok) return { ok: false, message: preview.message, field: preview.field };
  // The status, the rules and who may decide are checked again inside the write (editModel).
  const edited = await editModel(deps, {
    ref,
    by,
    action: auditAction(risk, preview.result),
    change: (current): RiskReviewOutcome => {
      const next = reviewRisk(deps.flow, current, { threatId, risk, by, at });
      // Roles changed since the check: what the audit trail would say no longer holds.
      if (next.ok && next.result.kind !== preview.result.kind) {
        return {
          ok: false,
          reason: 'not_allowed',
          field: 'decision',
          message: `${current.id} changed while you were reviewing ${threatId}. Review it again.`,
        };
      }
      return next;
    },
    refused: (outcome) => outcome.message,
  });
  if (!edited.ok) return edited;
  if (!edited.changed) return { ok: false, message: `${threatId} was not changed.` };
  const { outcome } = edited;
  deps.cards.refresh(ref);
  return {
    ok: true,
    model: edited.model,
    threat: outcome.threat,
    result: outcome.result,
    ...(outcome.before && { before: outcome.before }),
    ...(outcome.after && { after: outcome.after }),
    reopened: edited.reopened,
  };
}

function auditAction(risk: RiskAssessment, result: RiskReviewResult): string {
  const type = risk.decision?.type ?? 'rate';
  return result.kind === 'proposed' ? `risk.${type}.proposed` : `risk.${type}`;
}
