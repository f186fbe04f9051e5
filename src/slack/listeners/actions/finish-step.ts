import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { finishStep as finishModelStep } from '../../../use-cases/finish-step';
import type { SlackServices } from '../../deps';
import { decodeValue, StepSchema } from '../../ids';
import { announceFinishedStep } from '../../presenters/announce-step';
import { tellClicker } from '../../presenters/tell-clicker';
import { missingItemsMessage } from '../../views/thread-messages';

/**
 * "Finish step N": the use case decides (who may, and whether the step is complete). Complete:
 * the thread hears of it and the next step opens there. Not complete: the user is told exactly
 * what is missing.
 */
export function finishStep(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = decodeValue(action.value);
      const step = StepSchema.safeParse(target?.detail);
      const channel = body.channel?.id;
      if (!target || !step.success || !channel) return;
      const userId = body.user.id;
      const threadTs = body.message?.thread_ts ?? body.message?.ts;
      const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
      const outcome = await finishModelStep(services, { ref, by: userId, step: step.data }, (finished, afterwards) =>
        announceFinishedStep(services, userId, finished, afterwards),
      );
      if (outcome.ok) return;
      if (outcome.missing) {
        const message = missingItemsMessage(step.data, outcome.missing);
        await services.client.chat.postEphemeral({ channel, user: userId, thread_ts: threadTs, ...message });
        return;
      }
      await tellClicker(services, { body, respond }, outcome.message);
    });
  };
}
