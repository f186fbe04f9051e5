import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { startChangesRequest } from '../../../use-cases/request-changes';
import type { SlackServices } from '../../deps';
import { requestChangesModal } from '../../views/review-modals';
import { reviewTarget } from '../review-target';

/** "Request changes" on the review card: the use case says whether this person may; the comments modal opens. */
export function reviewRequestChanges(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = reviewTarget(services, { body, respond }, action.value);
    if (!target) return;
    const outcome = await startChangesRequest(services, { ref: target.ref, by: target.userId });
    if (!outcome.ok) return target.tell(outcome.message);
    await services.client.views.open({
      trigger_id: body.trigger_id,
      view: requestChangesModal(outcome.model),
    });
  };
}
