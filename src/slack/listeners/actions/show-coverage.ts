import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { strideCoverage } from '../../../domain/coverage';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { coverageModal } from '../../views/coverage-modal';
import { tellUser } from '../tell-user';

/** "Coverage": which STRIDE categories of which elements still have no threat, one tap away. */
export function showCoverage(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    const channel = body.channel?.id;
    if (!target || !channel) return;
    const model = await services.store.get({ workspaceId: body.team?.id ?? '', modelId: target.modelId });
    if (!model)
      return tellUser(
        services.client,
        services.logger,
        { channel },
        body.user.id,
        `There is no threat model ${target.modelId}.`,
      );
    if (!(await services.members.isMember(model.channelId, body.user.id))) return;
    await services.client.views.open({
      trigger_id: body.trigger_id,
      view: coverageModal(model, strideCoverage(model)) as never,
    });
  };
}
