export type OnceResult<T> = { ran: true; result: T } | { ran: false };

/**
 * Runs a side effect at most once per key within a time window: Slack re-delivers an event it
 * thinks timed out, and BullMQ may re-run a job after a crash; neither may post twice.
 */
export interface Idempotency {
  once<T>(key: string, windowMs: number, effect: () => Promise<T>): Promise<OnceResult<T>>;
}
