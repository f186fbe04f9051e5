export type OnceResult<T> = { ran: true; result: T } | { ran: false };

/**
 * What claiming an answer found: this caller is first and must act (then record its answer or
 * release the claim), or the first caller's recorded answer, or a first caller still working
 * when the wait ran out (act on nothing then: it may yet act).
 */
export type AnswerClaim = { state: 'claimed' } | { state: 'answered'; answer: string } | { state: 'pending' };

/**
 * Runs a side effect at most once per key within a time window: Slack re-delivers an event it
 * thinks timed out, and BullMQ may re-run a job after a crash; neither may post twice.
 */
export interface Idempotency {
  once<T>(key: string, windowMs: number, effect: () => Promise<T>): Promise<OnceResult<T>>;
  /**
   * For a request answered once, whose repeats get the same answer (a replayed view submission):
   * claim `key` for `windowMs`, or find the answer the first caller recorded, waiting up to
   * `waitMs` while it is still working. Atomic across processes sharing the store.
   */
  claimAnswer(key: string, windowMs: number, waitMs: number): Promise<AnswerClaim>;
  /** The claimed key's answer, kept for the rest of its window. */
  recordAnswer(key: string, answer: string): Promise<void>;
  /** Give a claim up (nothing was done), so the next request with the key is handled afresh. */
  release(key: string): Promise<void>;
}
