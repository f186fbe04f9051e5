import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { reviseModel } from '../../../use-cases/revise-model';
import type { SlackServices } from '../../deps';
import { decodeValue } from '../../ids';
import { postInModelThread } from '../../presenters/in-model-thread';
import { tellClicker } from '../../presenters/tell-clicker';
import { revisionOpenedMessage } from '../../views/version-changes';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** "Revise" on an approved model's card: the use case decides; the thread hears of the new version. */
export function reviseModelAction(services: SlackServices) {
  return async ({ ack, body, action, respond }: ButtonArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = decodeValue(action.value);
      if (!target) return;
      const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
      const outcome = await reviseModel(services, { ref, by: body.user.id });
      if (!outcome.ok) return tellClicker(services, { body, respond }, outcome.message);
      postInModelThread(services, outcome.model, revisionOpenedMessage(outcome.model, body.user.id));
    });
  };
}
