import type { ReminderKind } from './job-payloads';
import type { ModelRef } from './model-store';

/**
 * The pending reminder job of each kind of a model, so rescheduling replaces it and cancelling
 * finds it (BullMQ cannot look jobs up by model). `RedisReminderIndex` keeps it beside the model.
 */
export interface ReminderIndex {
  /** The job id of the model's pending reminder of this kind, if one was recorded. */
  jobId(ref: ModelRef, kind: ReminderKind): Promise<string | undefined>;
  record(ref: ModelRef, kind: ReminderKind, jobId: string): Promise<void>;
  forget(ref: ModelRef, kind: ReminderKind): Promise<void>;
}
