import type { AllMiddlewareArgs, BlockAction, MultiUsersSelectAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { assignRole } from '../../../use-cases/assign-role';
import type { SlackServices } from '../../deps';
import { decodeValue, RoleSchema } from '../../ids';
import { postReopenedSteps } from '../../presenters/in-model-thread';
import { greetRoleHolders } from '../../presenters/step-prompts';
import { tellClicker } from '../../presenters/tell-clicker';

/** A role's user picker changed: the use case stores who holds it; the newcomers are greeted in the thread with the open step's prompts for the role. */
export function rolesSelect(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<MultiUsersSelectAction>> & AllMiddlewareArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = decodeValue(action.block_id);
      const role = RoleSchema.safeParse(target?.detail);
      const channel = body.channel?.id;
      if (!target || !role.success || !channel) return;
      const ref = { workspaceId: body.team?.id ?? body.user.team_id ?? '', modelId: target.modelId };
      const outcome = await assignRole(services, {
        ref,
        by: body.user.id,
        role: role.data,
        userIds: action.selected_users,
      });
      if (!outcome.ok) return tellClicker(services, { body, respond }, outcome.message);
      const { model, added } = outcome;
      greetRoleHolders(services, model, role.data, added);
      postReopenedSteps(services, model, outcome.reopened);
    });
  };
}
