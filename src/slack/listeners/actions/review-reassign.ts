import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs, UsersSelectAction } from '@slack/bolt';
import { SlackUserIdSchema } from '../../../domain/primitives';
import { reassignReview } from '../../../use-cases/claim-review';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { announceTakenReview } from '../../presenters/review-taken';
import { mention } from '../../views/text';
import { reviewTarget } from '../review-target';

/** The "Reassign to…" picker on the review card: an AppSec member hands the review to another AppSec member. */
export function reviewReassign(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<UsersSelectAction>> & AllMiddlewareArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = reviewTarget(services, { body, respond }, decodeValue(action.block_id)?.modelId);
      const to = SlackUserIdSchema.safeParse(action.selected_user);
      if (!target || !to.success) return;
      const outcome = await reassignReview(services, { ref: target.ref, by: target.userId, to: to.data });
      if (!outcome.ok) return target.tell(outcome.message);
      announceTakenReview(
        services,
        outcome,
        `${mention(target.userId)} handed this review to ${mention(outcome.reviewerId)}`,
      );
    });
  };
}
