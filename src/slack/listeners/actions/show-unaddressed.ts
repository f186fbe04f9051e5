import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { readUnaddressed } from '../../../use-cases/read-coverage';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { tellClicker } from '../../presenters/tell-clicker';
import { unaddressedModal } from '../../views/unaddressed-modal';

/** "Not yet addressed": the threats step 3 still needs a mitigation or a decision for. */
export function showUnaddressed(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const target = decodeValue(action.value);
    if (!target) return;
    const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
    const outcome = await readUnaddressed(services, { ref, by: body.user.id });
    if (!outcome.ok) return tellClicker(services, { body, respond }, outcome.message);
    await services.client.views.open({ trigger_id: body.trigger_id, view: unaddressedModal(outcome.model) });
  };
}
