import { UnrecoverableError } from 'bullmq';
import { ReviewRequestJobSchema } from '../../ports/job-payloads';
import { reviewCard } from '../../slack/views/review-card';
import { slackDate } from '../../slack/views/slack-dates';
import { mention } from '../../slack/views/text';
import { notice } from '../../slack/views/thread-messages';
import { type ProcessorDeps, parsePayload, threadLink } from './processor-deps';

/**
 * A review was requested: assign a reviewer (the previous one on a re-request, else the next
 * AppSec member in turn), post the request card in the AppSec channel, and tell the model's
 * thread. Each message is delivered once however often the job runs.
 */
export async function processReviewRequest(deps: ProcessorDeps, data: unknown, jobId: string): Promise<void> {
  const job = parsePayload(ReviewRequestJobSchema, data);
  const ref = { workspaceId: job.workspaceId, modelId: job.modelId };
  const requested = await deps.store.get(ref);
  if (requested?.status !== 'in_review' || requested.review?.requestedAt !== job.requestedAt) return;
  if (!deps.appsecChannelId) throw new UnrecoverableError('APPSEC_CHANNEL_ID is not set: nowhere to post the review');

  if (!requested.review.dueAt) {
    const reviewer = requested.review.reviewerId ?? (await deps.coordinator.pickReviewer(requested));
    if (reviewer) await deps.coordinator.assign(ref, reviewer, 'system', 'assigned');
  }
  const model = await deps.store.require(ref);
  const review = model.review;
  if (!review) return;
  const permalink = await threadLink(deps, model);
  const card = await deps.delivery.post(`${jobId}.card`, {
    channel: deps.appsecChannelId,
    ...reviewCard(model, deps.flow, permalink),
  });
  await deps.messageRefs.set(ref, { reviewCard: card.ts, reviewChannel: card.channel });

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
  deps.refresh(ref);
}
