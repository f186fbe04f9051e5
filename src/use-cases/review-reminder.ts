import type { ThreatModel } from '../domain/model';
import { nextReviewNudgeAt, shouldEscalate } from '../domain/reminder-schedule';
import { calendarFor } from '../domain/working-days';
import type { ReviewNudgeJob } from '../ports/job-payloads';
import type { UseCaseDeps } from './use-case-deps';

/** What an overdue-review nudge that came due should do. */
export type ReviewNudge =
  /**
   * DM the reviewer; `escalate`: the AppSec channel should hear of it now (overdue long enough,
   * not yet told). `now` is the instant the nudge is about, for the messages and the next one.
   */
  | { due: true; model: ThreatModel; now: Date; escalate: boolean }
  /** Send nothing: the review was decided, re-requested or reassigned since. */
  | { due: false };

/**
 * An overdue-review nudge came due: whether it still concerns the review as it stands (same
 * request, same reviewer, still in review), and whether to escalate, in the reviewer's calendar
 * (the time zone read when they were assigned).
 */
export async function dueReviewNudge(
  deps: Pick<UseCaseDeps, 'store' | 'flow' | 'clock' | 'settings'>,
  job: ReviewNudgeJob,
): Promise<ReviewNudge> {
  const model = await deps.store.get({ workspaceId: job.workspaceId, modelId: job.modelId });
  const review = model?.review;
  if (!model || !review || model.status !== 'in_review') return { due: false };
  if (review.requestedAt !== job.requestedAt || review.reviewerId !== job.reviewerId) return { due: false };
  const now = deps.clock();
  const calendar = calendarFor(job.timeZone, (await deps.settings.forWorkspace(job.workspaceId)).review.holidays);
  const escalate =
    !job.escalated && shouldEscalate(new Date(job.dueAt), now, deps.flow.reminders.reviewOverdue, calendar);
  return { due: true, model, now, escalate };
}

/**
 * After an overdue-review nudge was sent: the next one on the next working day at the flow's
 * local hour in the reviewer's zone. `escalated`: the AppSec channel has been told (so it is
 * told once). A snooze applies to one nudge only.
 */
export async function scheduleNextReviewNudge(
  deps: Pick<UseCaseDeps, 'jobs' | 'flow' | 'settings'>,
  job: ReviewNudgeJob,
  { now, escalated }: { now: Date; escalated: boolean },
): Promise<void> {
  const calendar = calendarFor(job.timeZone, (await deps.settings.forWorkspace(job.workspaceId)).review.holidays);
  const next = nextReviewNudgeAt(new Date(job.dueAt), now, deps.flow.reminders.reviewOverdue, calendar);
  const { snoozedUntil: _snoozed, ...rest } = job;
  await deps.jobs.scheduleReviewNudge({ ...rest, nudge: job.nudge + 1, escalated }, next);
}
