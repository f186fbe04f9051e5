import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { modelInChannel } from '../../../use-cases/model-in-channel';
import type { SlackServices } from '../../deps';
import { decodeValue, RoleSchema, StepSchema } from '../../ids';
import { tellClicker } from '../../presenters/tell-clicker';
import { personaPromptsMessage } from '../../views/persona-prompts';

/** "Next prompts": the same message shows the role's following prompts, for members of the model's channel. */
export function nextPrompts(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = decodeValue(action.value);
      const [stepText, roleText, offsetText] = (target?.detail ?? '').split(':');
      const step = StepSchema.safeParse(stepText);
      const role = RoleSchema.safeParse(roleText);
      const offset = Number(offsetText);
      const channel = body.channel?.id;
      const ts = body.message?.ts;
      if (!target || !step.success || !role.success || !Number.isInteger(offset) || !channel || !ts) return;
      const ref = { workspaceId: body.team?.id ?? '', modelId: target.modelId };
      const read = await modelInChannel(services, { ref, channelId: channel, by: body.user.id });
      if (!read.ok) return tellClicker(services, { body, respond }, read.message);
      await services.client.chat.update({
        channel,
        ts,
        ...personaPromptsMessage(read.model, services.flow, step.data, role.data, offset),
      });
    });
  };
}
