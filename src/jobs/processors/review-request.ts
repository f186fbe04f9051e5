import { versionNumber } from '../../domain/versions';
import { NotConfiguredError } from '../../errors';
import { ReviewRequestJobSchema } from '../../ports/job-payloads';
import { reviewCard } from '../../slack/views/review-card';
import { slackDate } from '../../slack/views/slack-dates';
import { mention } from '../../slack/views/text';
import { notice } from '../../slack/views/thread-messages';
import { assignRequestedReview, currentReviewRequest } from '../../use-cases/assign-requested-review';
import { changesSinceApproval } from '../../use-cases/read-changes';
import { appsecChannelFor, type ProcessorDeps, parsePayload, threadLink } from './processor-deps';

/**
 * A review was requested: the use case assigns a reviewer (the previous one on a re-request,
 * else the next AppSec member in turn); then the request card goes to the workspace's AppSec channel (its settings, read now) and the
 * model's thread is told. Each message is delivered once however often the job runs.
 */
export async function processReviewRequest(deps: ProcessorDeps, data: unknown, jobId: string): Promise<void> {
  const job = parsePayload(ReviewRequestJobSchema, data);
  const requested = await currentReviewRequest(deps, job);
  if (!requested) return;
  const appsecChannelId = await appsecChannelFor(deps, job.workspaceId);
  if (!appsecChannelId) throw new NotConfiguredError('APPSEC_CHANNEL_ID', 'nowhere to post the review');
  const model = await assignRequestedReview(deps, requested);
  const ref = { workspaceId: job.workspaceId, modelId: job.modelId };
  const review = model.review;
  if (!review) return;
  const permalink = await threadLink(deps, model);
  const changes = await changesSinceApproval(deps.store, model);
  const card = await deps.delivery.post(`${jobId}.card`, {
    channel: appsecChannelId,
    ...reviewCard(model, deps.flow, permalink, changes),
  });
  await deps.messageRefs.set(ref, {
    reviewCard: card.ts,
    reviewChannel: card.channel,
    reviewVersion: versionNumber(model),
  });

  const assigned = review.reviewerId
    ? `${mention(review.reviewerId)}, this review is yours${review.dueAt ? `, due ${slackDate(review.dueAt)}` : ''}.`
    : 'Nobody is assigned yet: claim it with the button above.';
  await deps.delivery.post(`${jobId}.assigned`, { channel: card.channel, thread_ts: card.ts, ...notice(assigned) });
  if (model.threadTs) {
    const who = review.reviewerId ? ` ${mention(review.reviewerId)} reviews it` : ' A reviewer will pick it up';
    const due = review.dueAt ? `, due ${slackDate(review.dueAt)}` : '';
    await deps.delivery.post(`${jobId}.thread`, {
      channel: model.channelId,
      thread_ts: model.threadTs,
      ...notice(`:mag: AppSec review requested by ${mention(review.requestedBy)}.${who}${due}.`),
    });
  }
  deps.cards.refresh(ref);
}
