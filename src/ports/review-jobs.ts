import type { DraftIdleJob, ReminderKind, ReviewNudgeJob, ReviewRequestJob } from './job-payloads';
import type { ModelRef } from './model-store';

/** The payload of each kind of reminder: a review nudge, or a stalled-draft nudge. */
export interface ReminderJobs {
  review: ReviewNudgeJob;
  idle: DraftIdleJob;
}

/** A reminder waiting to fire: its parsed payload and when it fires. */
export interface PendingReminder<K extends ReminderKind> {
  data: ReminderJobs[K];
  at: Date;
}

/**
 * What listeners and processors ask of the queues. The BullMQ adapter implements it; a reminder
 * is one delayed job per model and kind, replaced when rescheduled and removed when cancelled.
 */
export interface ReviewJobs {
  /** Queue the posting of a review request (and the reviewer's assignment). */
  requestReview(job: ReviewRequestJob): Promise<void>;
  /** Schedule the model's review nudge at `at`, replacing any pending one. */
  scheduleReviewNudge(job: ReviewNudgeJob, at: Date): Promise<void>;
  /** Schedule the model's stalled-draft nudge at `at`, replacing any pending one. */
  scheduleDraftIdle(job: DraftIdleJob, at: Date): Promise<void>;
  /**
   * The pending reminder of a kind, its payload parsed for that kind; undefined when none is
   * waiting (or its payload does not parse: such a job can never run anyway).
   */
  pendingReminder<K extends ReminderKind>(ref: ModelRef, kind: K): Promise<PendingReminder<K> | undefined>;
  /** Its reason ended: remove the pending reminder of that kind. */
  cancelReminder(ref: ModelRef, kind: ReminderKind): Promise<void>;
}
