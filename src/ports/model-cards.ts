import type { ModelRef } from './model-store';

/**
 * The messages that show a model (its card, the shared summaries, the review card), brought in
 * step with the stored model after a change. Asking is cheap: refreshes are coalesced.
 */
export interface ModelCards {
  refresh(ref: ModelRef): void;
}
