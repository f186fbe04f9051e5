import type { AllMiddlewareArgs, BlockAction, MultiUsersSelectAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { assignRole } from '../../../domain/roles';
import { editableModel } from '../../../use-cases/model-access';
import type { SlackServices } from '../../deps';
import { decodeValue, RoleSchema } from '../../ids';
import { roleGreeting } from '../../views/thread-messages';
import { tellUser } from '../tell-user';

/** A role's user picker changed: store who holds it, greet the newcomers in the thread. */
export function rolesSelect(services: SlackServices) {
  return async ({
    ack,
    body,
    action,
  }: SlackActionMiddlewareArgs<BlockAction<MultiUsersSelectAction>> & AllMiddlewareArgs) => {
    await ack();
    await services.afterAck.run(async () => {
      const target = decodeValue(action.block_id);
      const role = RoleSchema.safeParse(target?.detail);
      const channel = body.channel?.id;
      if (!target || !role.success || !channel) return;
      const workspaceId = body.team?.id ?? body.user.team_id ?? '';
      const threadTs = body.message?.thread_ts;
      const access = await editableModel(services, workspaceId, target.modelId, body.user.id);
      if (!access.ok)
        return tellUser(services.client, services.logger, { channel, threadTs }, body.user.id, access.message);

      let added: string[] = [];
      const { model } = await services.store.update(
        { workspaceId, modelId: target.modelId },
        { actor: body.user.id, action: `roles.${role.data}` },
        (current) => {
          const next = assignRole(current.roles, role.data, action.selected_users);
          added = next.added;
          return { ...current, roles: next.roles };
        },
      );
      for (const userId of added) {
        await services.client.chat.postMessage({
          channel: model.channelId,
          thread_ts: model.threadTs,
          ...roleGreeting(userId, role.data, services.flow),
        });
      }
      services.refresher.refresh({ workspaceId, modelId: model.id });
    });
  };
}
