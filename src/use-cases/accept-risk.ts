import type { ThreatModel } from '../domain/model';
import type { RiskScore } from '../domain/risk';
import type { RiskDecision } from '../domain/risk-assessment';
import { decideAcceptance } from '../domain/risk-decisions';
import type { ModelRef } from '../ports/model-store';
import { type EditDeps, editModel } from './edit-model';
import { type AccessDeps, editableModel } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export type DecideRiskDeps = AccessDeps & EditDeps & Pick<UseCaseDeps, 'cards'>;

export interface DecideRiskInput {
  ref: ModelRef;
  /** Who clicked: only a holder of the role the proposal waits for may decide. */
  by: string;
  threatId: string;
  /** When the proposal was made (its `decidedAt`), from the message that asked. */
  proposedAt?: string;
}

export type DecideRiskOutcome = UseCaseOutcome<{
  model: ThreatModel;
  threatId: string;
  proposal: RiskDecision;
  residual?: RiskScore;
}>;

/**
 * The holder of the awaited role (the Business role, for a high or critical risk) accepts a
 * proposal to accept, transfer or avoid a risk: they become its accepter, beside its proposer.
 * Audited as `risk.accept.accepted` (or transfer/avoid).
 */
export async function acceptRisk(deps: DecideRiskDeps, input: DecideRiskInput): Promise<DecideRiskOutcome> {
  return decide(deps, input, true);
}

/** Shared by acceptRisk and declineRisk: the same checks, the same write, a different audit name. */
export async function decide(
  deps: DecideRiskDeps,
  input: DecideRiskInput,
  accept: boolean,
): Promise<DecideRiskOutcome> {
  const { ref, by, threatId, proposedAt } = input;
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  if (!access.ok) return access;
  const at = deps.clock();
  const args = { threatId, by, at, accept, ...(proposedAt && { proposedAt }) };
  const preview = decideAcceptance(deps.flow, access.model, args);
  if (!preview.ok) return refuse(preview.message);
  const action = `risk.${preview.proposal.type}.${accept ? 'accepted' : 'declined'}`;
  // Inside the write (editModel): the status, who may decide, and that the proposal is still the one asked about.
  const edited = await editModel(deps, {
    ref,
    by,
    action,
    change: (current) => {
      const next = decideAcceptance(deps.flow, current, args);
      return next.ok && next.proposal.type !== preview.proposal.type
        ? { ok: false as const, message: `This proposal about ${threatId} was replaced by a newer one.` }
        : next;
    },
    refused: (refusal) => refusal.message,
  });
  if (!edited.ok) return edited;
  const { outcome } = edited;
  deps.cards.refresh(ref);
  return {
    ok: true,
    model: edited.model,
    threatId,
    proposal: outcome.proposal,
    ...(outcome.residual && { residual: outcome.residual }),
  };
}
