import { ReviewNudgeJobSchema } from '../../ports/job-payloads';
import { escalationMessage, reviewNudgeMessage } from '../../slack/views/reminder-messages';
import { dueReviewNudge, scheduleNextReviewNudge } from '../../use-cases/review-reminder';
import { appsecChannelFor, type ProcessorDeps, parsePayload, threadLink } from './processor-deps';

/**
 * An overdue review: the use case says whether the nudge still concerns the review as it stands
 * (a review decided, re-requested or reassigned since sends nothing) and whether to escalate.
 * The reviewer gets a DM, the AppSec channel hears of it once, and the next nudge is scheduled.
 */
export async function processReviewNudge(deps: ProcessorDeps, data: unknown, jobId: string): Promise<void> {
  const job = parsePayload(ReviewNudgeJobSchema, data);
  const nudge = await dueReviewNudge(deps, job);
  if (!nudge.due) return;
  const { model, now } = nudge;
  const permalink = await threadLink(deps, model);
  await deps.delivery.post(jobId, { channel: job.reviewerId, ...reviewNudgeMessage(model, job.dueAt, now, permalink) });

  let escalated = job.escalated;
  const appsecChannelId = nudge.escalate ? await appsecChannelFor(deps, job.workspaceId) : undefined;
  if (nudge.escalate && appsecChannelId) {
    const round = `escalation.${job.workspaceId}.${job.modelId}.${Date.parse(job.requestedAt)}.${job.round}`;
    await deps.delivery.post(round, {
      channel: appsecChannelId,
      ...escalationMessage(model, job.reviewerId, job.dueAt, now),
    });
    escalated = true;
  }
  await scheduleNextReviewNudge(deps, job, { now, escalated });
}
