import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { claimReview } from '../../../use-cases/claim-review';
import type { SlackServices } from '../../deps';
import { announceTakenReview } from '../../presenters/review-taken';
import { mention } from '../../views/text';
import { reviewTarget } from '../review-target';

/** "Claim" on the review card: an AppSec member takes the review; the due date follows their time zone. */
export function reviewClaim(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = reviewTarget(services, { body, respond }, action.value);
      if (!target) return;
      const outcome = await claimReview(services, { ref: target.ref, by: target.userId });
      if (!outcome.ok) return target.tell(outcome.message);
      announceTakenReview(services, outcome, `${mention(target.userId)} claimed this review`);
    });
  };
}
