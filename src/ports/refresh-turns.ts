import type { ModelRef } from './model-store';

/**
 * Whose turn it is to bring a model's Slack messages in step with it, across every process of
 * the deployment: each process coalesces its own refresh requests, and this makes the processes
 * take turns too, so two web processes taking edits of one model do not each rewrite its card.
 */
export interface RefreshTurns {
  /**
   * 0: this caller refreshes the model now, and no other may for `intervalMs`; otherwise the ms
   * until one may (the caller asks again then, and renders the latest model).
   */
  take(ref: ModelRef, intervalMs: number): Promise<number>;
}
