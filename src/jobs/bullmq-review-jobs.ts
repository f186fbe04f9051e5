import type { JobsOptions, Queue } from 'bullmq';
import {
  type DraftIdleJob,
  DraftIdleJobSchema,
  JOBS,
  jobIds,
  type ReminderKind,
  type ReviewNudgeJob,
  ReviewNudgeJobSchema,
  type ReviewRequestJob,
} from '../ports/job-payloads';
import type { ModelRef } from '../ports/model-store';
import type { ReminderIndex } from '../ports/reminder-index';
import type { PendingReminder, ReminderJobs, ReviewJobs } from '../ports/review-jobs';

const DAY_S = 24 * 60 * 60;

/** How each kind of reminder's payload is read back. */
const REMINDER_SCHEMAS = { review: ReviewNudgeJobSchema, idle: DraftIdleJobSchema } as const;

/**
 * Every job is retried with exponential back-off on transient failures, and removed some time
 * after it ends so the queues never grow without bound (bullmq keeps them forever by default).
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * DAY_S, count: 10_000 },
  removeOnFail: { age: 30 * DAY_S },
};

export interface ReviewQueues {
  reviews: Queue;
  reminders: Queue;
}

/**
 * The BullMQ adapter of ReviewJobs. Each model has at most one pending reminder per kind; its job
 * id is kept in the reminder index so rescheduling and cancelling find it.
 */
export class BullReviewJobs implements ReviewJobs {
  constructor(
    private readonly queues: ReviewQueues,
    private readonly index: ReminderIndex,
    private readonly clock: () => Date,
  ) {}

  async requestReview(job: ReviewRequestJob): Promise<void> {
    await this.queues.reviews.add(JOBS.reviewRequest, job, { jobId: jobIds.reviewRequest(job) });
  }

  scheduleReviewNudge(job: ReviewNudgeJob, at: Date): Promise<void> {
    return this.replace(job, 'review', JOBS.reviewNudge, job, jobIds.reviewNudge(job), at);
  }

  scheduleDraftIdle(job: DraftIdleJob, at: Date): Promise<void> {
    return this.replace(job, 'idle', JOBS.draftIdle, job, jobIds.draftIdle(job), at);
  }

  async pendingReminder<K extends ReminderKind>(ref: ModelRef, kind: K): Promise<PendingReminder<K> | undefined> {
    const id = await this.index.jobId(ref, kind);
    const job = id ? await this.queues.reminders.getJob(id) : undefined;
    if (!job || !(await job.isDelayed())) return undefined;
    const data = REMINDER_SCHEMAS[kind].safeParse(job.data);
    if (!data.success) return undefined;
    return { data: data.data as ReminderJobs[K], at: new Date(job.timestamp + job.delay) };
  }

  async cancelReminder(ref: ModelRef, kind: ReminderKind): Promise<void> {
    const id = await this.index.jobId(ref, kind);
    if (!id) return;
    await this.remove(id);
    await this.index.forget(ref, kind);
  }

  private async replace(
    ref: ModelRef,
    kind: ReminderKind,
    name: string,
    data: object,
    jobId: string,
    at: Date,
  ): Promise<void> {
    const previous = await this.index.jobId(ref, kind);
    const now = this.clock().getTime();
    const delay = Math.max(0, at.getTime() - now);
    // The job's timestamp from the same clock, so timestamp + delay is the intended time exactly.
    await this.queues.reminders.add(name, data, { jobId, delay, timestamp: now });
    await this.index.record(ref, kind, jobId);
    if (previous && previous !== jobId) await this.remove(previous);
  }

  /** Remove a job unless it is running (the job that reschedules itself is); running ones check state anyway. */
  private async remove(jobId: string): Promise<void> {
    try {
      await this.queues.reminders.remove(jobId);
    } catch {
      // Locked by a worker: it is the job running now, and it ends by itself.
    }
  }
}
