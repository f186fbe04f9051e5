import { NO_ESTIMATES, type StepEstimates } from '../domain/step-estimates';
import type { Logger } from '../logger';
import type { Clock } from '../ports/clock';
import type { ModelStore } from '../ports/model-store';
import { workspaceStepEstimates } from '../use-cases/step-estimates';
import { TtlCache } from './ttl-cache';

/** How long a workspace's estimates are reused: medians of hundreds of models barely move in minutes. */
export const STEP_ESTIMATES_TTL_MS = 10 * 60_000;

/**
 * A workspace's step estimates for the cards and the start of a model, computed once per
 * STEP_ESTIMATES_TTL_MS (a burst of card refreshes shares one scan of the approved models, see
 * TtlCache), never per render. An estimate is a nicety: when it cannot be read, the card shows
 * none (and the failure is logged) rather than failing to refresh.
 */
export class StepEstimateCache {
  private readonly cache: TtlCache<string, StepEstimates>;

  constructor(
    private readonly deps: { store: ModelStore; clock: Clock; logger: Logger },
    ttlMs = STEP_ESTIMATES_TTL_MS,
  ) {
    this.cache = new TtlCache(ttlMs, () => deps.clock().getTime());
  }

  forWorkspace(workspaceId: string): Promise<StepEstimates> {
    return this.cache
      .get(workspaceId, (id) => workspaceStepEstimates(this.deps, id))
      .catch((error: unknown) => {
        this.deps.logger.warn({ err: error, workspaceId }, 'could not read the step estimates');
        return NO_ESTIMATES;
      });
  }
}
