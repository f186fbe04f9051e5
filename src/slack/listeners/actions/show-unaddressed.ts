import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { unaddressedModal } from '../../views/unaddressed-modal';

/** "Not yet addressed": the threats step 3 still needs a mitigation or a decision for. */
export function showUnaddressed(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    if (!target) return;
    const model = await services.store.get({ workspaceId: body.team?.id ?? '', modelId: target.modelId });
    if (!model || !(await services.members.isMember(model.channelId, body.user.id))) return;
    await services.client.views.open({ trigger_id: body.trigger_id, view: unaddressedModal(model) as never });
  };
}
