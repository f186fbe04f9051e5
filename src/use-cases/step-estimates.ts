import { modelTimings } from '../domain/model-timings';
import { type StepEstimates, stepEstimates } from '../domain/step-estimates';
import type { UseCaseDeps } from './use-case-deps';

/** How many approved models timing figures are drawn from (the most recent): the Home tab's too. */
export const TIMING_SAMPLE = 200;

/**
 * How long each step usually takes in a workspace: the medians of its recent approved models, the
 * same figures AppSec sees on the Home tab, kept to the steps with enough models behind them.
 * It reads up to TIMING_SAMPLE models: callers on a hot path (card renders) cache it.
 */
export async function workspaceStepEstimates(
  deps: Pick<UseCaseDeps, 'store'>,
  workspaceId: string,
): Promise<StepEstimates> {
  const approved = await deps.store.list(workspaceId, { by: 'status', status: 'approved' }, { limit: TIMING_SAMPLE });
  return stepEstimates(modelTimings(approved.items));
}
