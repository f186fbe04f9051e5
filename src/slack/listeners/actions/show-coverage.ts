import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { readCoverage } from '../../../use-cases/read-coverage';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { tellUser } from '../../presenters/tell-user';
import { coverageModal } from '../../views/coverage-modal';

/** "Coverage": which STRIDE categories of which elements still have no threat, one tap away. */
export function showCoverage(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    const channel = body.channel?.id;
    if (!target || !channel) return;
    const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
    const outcome = await readCoverage(services, { ref, by: body.user.id });
    if (!outcome.ok) {
      // Outsiders are not told the model exists.
      if (outcome.reason === 'no_model')
        await tellUser(services.client, services.logger, { channel }, body.user.id, outcome.message);
      return;
    }
    await services.client.views.open({
      trigger_id: body.trigger_id,
      view: coverageModal(outcome.model, outcome.coverage),
    });
  };
}
