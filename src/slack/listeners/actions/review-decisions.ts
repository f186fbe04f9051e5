import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  UsersSelectAction,
} from '@slack/bolt';
import { approveReview } from '../../../use-cases/approve-review';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { requestChangesModal } from '../../views/review-modals';
import { slackDate } from '../../views/slack-dates';
import { mention } from '../../views/text';
import { notice } from '../../views/thread-messages';
import { reviewTarget } from '../review-target';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "Approve" on the review card: the use case decides; the thread hears of it. */
export function reviewApprove(services: SlackServices) {
  return async ({ ack, body, action }: ButtonArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = reviewTarget(services, body, action.value);
      if (!target) return;
      const outcome = await approveReview(services, { ref: target.ref, by: target.userId });
      if (!outcome.ok) return target.tell(outcome.message);
      const { model } = outcome;
      if (!model.threadTs) return;
      await services.client.chat.postMessage({
        channel: model.channelId,
        thread_ts: model.threadTs,
        ...notice(
          `:white_check_mark: ${mention(target.userId)} approved *${model.id}*. Well done, ${mention(model.ownerId)}!`,
        ),
      });
    });
  };
}

/** "Request changes": AppSec only; opens the comments modal. */
export function reviewRequestChanges(services: SlackServices) {
  return async ({ ack, body, action }: ButtonArgs) => {
    await ack();
    const target = reviewTarget(services, body, action.value);
    if (!target) return;
    const { ref, userId, tell } = target;
    if (!(await services.appsec.isMember(userId))) return tell('Only AppSec reviewers can request changes.');
    const model = await services.store.get(ref);
    if (model?.status !== 'in_review') return tell(`${ref.modelId} is not in review any more.`);
    await services.client.views.open({ trigger_id: body.trigger_id, view: requestChangesModal(model) as never });
  };
}

/** "Claim": an AppSec member takes the review; the due date follows their time zone. */
export function reviewClaim(services: SlackServices) {
  return async ({ ack, body, action }: ButtonArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = reviewTarget(services, body, action.value);
      if (!target) return;
      await assignFromCard(services, target, target.userId, 'claimed');
    });
  };
}

/** The "Reassign to…" picker: an AppSec member hands the review to another AppSec member. */
export function reviewReassign(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
  }: SlackActionMiddlewareArgs<BlockAction<UsersSelectAction>> & AllMiddlewareArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = reviewTarget(services, body, decodeValue(action.block_id)?.modelId);
      if (!target || !action.selected_user) return;
      if (!(await services.appsec.isMember(action.selected_user))) {
        return target.tell(`${mention(action.selected_user)} is not in AppSec, so they cannot review models.`);
      }
      await assignFromCard(services, target, action.selected_user, 'reassigned');
    });
  };
}

async function assignFromCard(
  services: SlackServices,
  target: NonNullable<ReturnType<typeof reviewTarget>>,
  reviewerId: string,
  how: 'claimed' | 'reassigned',
): Promise<void> {
  const { ref, userId, tell } = target;
  if (!(await services.appsec.isMember(userId))) return tell('Only AppSec reviewers can take or hand over reviews.');
  const outcome = await services.reviews.assign(ref, reviewerId, userId, how);
  if (!outcome.ok) return tell(outcome.message);
  const { review } = outcome.model;
  const refs = await services.messageRefs.get(ref);
  if (refs.reviewCard && refs.reviewChannel) {
    const who =
      how === 'claimed'
        ? `${mention(userId)} claimed this review`
        : `${mention(userId)} handed this review to ${mention(reviewerId)}`;
    await services.client.chat.postMessage({
      channel: refs.reviewChannel,
      thread_ts: refs.reviewCard,
      ...notice(`${who}${review?.dueAt ? `; due ${slackDate(review.dueAt)}` : ''}.`),
    });
  }
  services.refresher.refresh(ref);
}
