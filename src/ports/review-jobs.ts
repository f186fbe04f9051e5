import type { DraftIdleJob, ReminderKind, ReviewNudgeJob, ReviewRequestJob } from './job-payloads';
import type { ModelRef } from './model-store';

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
  /** The pending reminder of a kind: its payload and when it fires. */
  pendingReminder(ref: ModelRef, kind: ReminderKind): Promise<{ data: unknown; at: Date } | undefined>;
  /** Its reason ended: remove the pending reminder of that kind. */
  cancelReminder(ref: ModelRef, kind: ReminderKind): Promise<void>;
}
