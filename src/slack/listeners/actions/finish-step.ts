import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { rolesOf } from '../../../domain/roles';
import { applyStepEvent, type StepOutcome } from '../../../domain/step-engine';
import { editableModel } from '../../../use-cases/model-access';
import type { SlackServices } from '../../deps';
import { decodeValue, StepSchema } from '../../ids';
import { missingItemsMessage, stepCompletedMessage } from '../../views/thread-messages';
import { tellUser } from '../tell-user';
import { announceStep } from './announce-step';

/**
 * "Finish step N": the step engine decides. Complete: record it, open the next step in the
 * thread. Not complete: tell the user exactly what is missing. Only the owner and role holders
 * may finish a step.
 */
export function finishStep(services: SlackServices) {
  return async ({ ack, body, action }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = decodeValue(action.value);
      const step = StepSchema.safeParse(target?.detail);
      const channel = body.channel?.id;
      if (!target || !step.success || !channel) return;
      const workspaceId = body.team?.id ?? '';
      const userId = body.user.id;
      const threadTs = body.message?.thread_ts ?? body.message?.ts;
      const tell = (text: string) => tellUser(services.client, services.logger, { channel, threadTs }, userId, text);
      const access = await editableModel(services, workspaceId, target.modelId, userId);
      if (!access.ok) return tell(access.message);
      if (access.model.ownerId !== userId && rolesOf(access.model.roles, userId).length === 0) {
        return tell(`Only the owner or a role holder of ${access.model.id} can finish a step.`);
      }

      let outcome: StepOutcome | undefined;
      const { model } = await services.store.update(
        { workspaceId, modelId: target.modelId },
        { actor: userId, action: `step.${step.data}.complete` },
        (current) => {
          outcome = applyStepEvent(
            services.flow,
            current,
            { type: 'complete_step', step: step.data, by: userId },
            services.clock(),
          );
          return outcome.ok ? outcome.model : current;
        },
      );
      if (!outcome) return;
      if (!outcome.ok) {
        if (outcome.reason === 'incomplete') {
          const message = missingItemsMessage(step.data, outcome.missing);
          await services.client.chat.postEphemeral({ channel, user: userId, thread_ts: model.threadTs, ...message });
          return;
        }
        return tell(outcome.message);
      }
      const inThread = { channel: model.channelId, thread_ts: model.threadTs };
      await services.client.chat.postMessage({ ...inThread, ...stepCompletedMessage(userId, outcome.message) });
      const ref = { workspaceId, modelId: model.id };
      if (outcome.opened) await announceStep(services, model, outcome.opened);
      // The scope drawn as a data-flow diagram; the risk matrix once the risk review is done.
      const picture = step.data === 'scope' ? 'data_flow' : step.data === 'risk' ? 'risk_matrix' : undefined;
      if (picture) await services.exports.postPicture({ ...ref, picture, version: model.version });
      services.refresher.refresh(ref);
    });
  };
}
