import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { readChanges } from '../../../use-cases/read-changes';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { tellClicker } from '../../presenters/tell-clicker';
import { versionChangesModal } from '../../views/version-changes';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "What changed since v1" on a revised model's card: the diff, in a modal. */
export function showVersionChanges(services: SlackServices) {
  return async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    const target = decodeValue(action.value);
    if (!target) return;
    const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
    const outcome = await readChanges(services, { ref, by: body.user.id });
    if (!outcome.ok) return tellClicker(services, { body, respond }, outcome.message);
    await services.client.views.open({
      trigger_id: body.trigger_id,
      view: versionChangesModal(outcome.model, outcome.diff),
    });
  };
}
