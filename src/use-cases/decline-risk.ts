import { type DecideRiskDeps, type DecideRiskInput, type DecideRiskOutcome, decide } from './accept-risk';

/**
 * The holder of the awaited role declines a proposal to accept, transfer or avoid a risk: the
 * decision is taken away (the ratings stay), so the team must decide again. Audited as
 * `risk.accept.declined` (or transfer/avoid), with who declined.
 */
export async function declineRisk(deps: DecideRiskDeps, input: DecideRiskInput): Promise<DecideRiskOutcome> {
  return decide(deps, input, false);
}
