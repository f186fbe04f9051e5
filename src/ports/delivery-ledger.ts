/** Where a job's Slack message landed. */
export interface Delivered {
  channel: string;
  ts: string;
}

/** What the ledger knows of one delivery: nothing yet, a post under way (or cut short), or done. */
export type DeliveryMark = { state: 'none' } | { state: 'sending' } | { state: 'sent'; delivered: Delivered };

/**
 * The delivery ledger of job messages: one entry per delivery id, "sending" before the Slack call
 * and "sent" (with where) after it, so a job that BullMQ runs again never posts twice. Entries
 * expire after a month; `RedisDeliveryLedger` is the adapter.
 */
export interface DeliveryLedger {
  mark(deliveryId: string): Promise<DeliveryMark>;
  /** Mark the delivery "sending" unless it has a mark already; true when this call set it. */
  claim(deliveryId: string): Promise<boolean>;
  markSent(deliveryId: string, delivered: Delivered): Promise<void>;
  /** Slack answered that nothing was posted: forget the delivery, so a retry posts. */
  release(deliveryId: string): Promise<void>;
}
