import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { readCoverage } from '../../../use-cases/read-coverage';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { tellClicker } from '../../presenters/tell-clicker';
import { coverageModal } from '../../views/coverage-modal';

/** "Coverage": which STRIDE categories of which elements still have no threat, one tap away. */
export function showCoverage(services: SlackServices) {
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
    const outcome = await readCoverage(services, { ref, by: body.user.id });
    if (!outcome.ok) return tellClicker(services, { body, respond }, outcome.message);
    await services.client.views.open({
      trigger_id: body.trigger_id,
      view: coverageModal(outcome.model, outcome.coverage),
    });
  };
}
