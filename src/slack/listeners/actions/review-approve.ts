import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { startApproval } from '../../../use-cases/approve-review';
import type { SlackServices } from '../../deps';
import { approveModal } from '../../views/review-modals';
import { reviewTarget } from '../review-target';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "Approve" on the review card: the use case says whether this person may approve now; the approval form opens. */
export function reviewApprove(services: SlackServices) {
  return async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    const target = reviewTarget(services, { body, respond }, action.value);
    if (!target) return;
    const outcome = await startApproval(services, { ref: target.ref, by: target.userId });
    if (!outcome.ok) return target.tell(outcome.message);
    await services.client.views.open({ trigger_id: body.trigger_id, view: approveModal(outcome.model) });
  };
}
