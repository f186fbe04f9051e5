import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { approveReview } from '../../../use-cases/approve-review';
import type { SlackServices } from '../../deps';
import { postInModelThread } from '../../presenters/in-model-thread';
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
      await postInModelThread(
        services.client,
        model,
        notice(
          `:white_check_mark: ${mention(target.userId)} approved *${model.id}*. Well done, ${mention(model.ownerId)}!`,
        ),
      );
    });
  };
}
