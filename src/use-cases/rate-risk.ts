import type { ThreatModel } from '../domain/model';
import { type RiskScore, scoreRisk } from '../domain/risk';
import type { RiskAssessment } from '../domain/risk-assessment';
import { assessThreat } from '../domain/threat-edits';
import type { ModelRef } from '../ports/model-store';
import { type AccessDeps, editableModel } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export type RateRiskDeps = AccessDeps & Pick<UseCaseDeps, 'cards' | 'flow'>;

export interface RateRiskInput {
  ref: ModelRef;
  /** The Slack user who rates the risk and takes the decision. */
  by: string;
  threatId: string;
  /** The ratings before and after mitigation, and the decision with who took it. */
  risk: RiskAssessment;
}

/**
 * Record the risk review of one of the team's threats: the ratings, scored on the flow's risk
 * matrix, and the decision (an acceptance names who accepted the risk, for the audit trail).
 */
export async function rateRisk(
  deps: RateRiskDeps,
  { ref, by, threatId, risk }: RateRiskInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; before?: RiskScore; after?: RiskScore }>> {
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  if (!access.ok) return access;
  const { model, changed, outcome } = await deps.store.update(
    ref,
    { actor: by, action: `risk.${risk.decision?.type}` },
    (current) => {
      const next = assessThreat(current, threatId, risk);
      return next ? { ok: true as const, model: next } : { ok: false as const };
    },
  );
  if (!outcome.ok || !changed) return refuse(`${threatId} was not changed.`);
  deps.cards.refresh(ref);
  const matrix = deps.flow.risk;
  return {
    ok: true,
    model,
    ...(risk.before && { before: scoreRisk(matrix, risk.before) }),
    ...(risk.after && { after: scoreRisk(matrix, risk.after) }),
  };
}
