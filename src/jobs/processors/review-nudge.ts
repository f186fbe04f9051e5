import { nextReviewNudgeAt, shouldEscalate } from '../../domain/reminder-schedule';
import { calendarFor } from '../../domain/working-days';
import { ReviewNudgeJobSchema } from '../../ports/job-payloads';
import { escalationMessage, reviewNudgeMessage } from '../../slack/views/reminder-messages';
import { type ProcessorDeps, parsePayload, threadLink } from './processor-deps';

/**
 * An overdue review: DM the reviewer, tell the AppSec channel once it is overdue for long
 * enough, and schedule the next nudge for the next working day at the reviewer's local hour.
 * A review that was decided, re-requested or reassigned since sends nothing.
 */
export async function processReviewNudge(deps: ProcessorDeps, data: unknown, jobId: string): Promise<void> {
  const job = parsePayload(ReviewNudgeJobSchema, data);
  const model = await deps.store.get({ workspaceId: job.workspaceId, modelId: job.modelId });
  const review = model?.review;
  if (!model || !review || model.status !== 'in_review') return;
  if (review.requestedAt !== job.requestedAt || review.reviewerId !== job.reviewerId) return;

  const now = deps.clock();
  const permalink = await threadLink(deps, model);
  await deps.delivery.post(jobId, { channel: job.reviewerId, ...reviewNudgeMessage(model, job.dueAt, now, permalink) });

  const rules = deps.flow.reminders.reviewOverdue;
  const calendar = calendarFor(job.timeZone, deps.holidays);
  let escalated = job.escalated;
  if (!escalated && deps.appsecChannelId && shouldEscalate(new Date(job.dueAt), now, rules, calendar)) {
    const round = `escalation.${job.workspaceId}.${job.modelId}.${Date.parse(job.requestedAt)}.${job.round}`;
    await deps.delivery.post(round, {
      channel: deps.appsecChannelId,
      ...escalationMessage(model, job.reviewerId, job.dueAt, now),
    });
    escalated = true;
  }
  const next = nextReviewNudgeAt(new Date(job.dueAt), now, rules, calendar);
  const { snoozedUntil: _snoozed, ...rest } = job;
  await deps.jobs.scheduleReviewNudge({ ...rest, nudge: job.nudge + 1, escalated }, next);
}
