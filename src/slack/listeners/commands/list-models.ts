import { listChannelModels } from '../../../use-cases/list-channel-models';
import { withPermalinks } from '../../presenters/thread-permalinks';
import { listMessage } from '../../views/command-responses';
import type { Subcommand } from './subcommand';

const LIST_LIMIT = 10;

/** `/threatmodel list`: the channel's models, with links to their threads. */
export const listCommand: Subcommand = async (services, { ack, command, respond }) => {
  await ack();
  await services.afterAck.run(async () => {
    const { models, total } = await listChannelModels(services, {
      workspaceId: command.team_id,
      channelId: command.channel_id,
      limit: LIST_LIMIT,
    });
    const linked = await withPermalinks(services.client, models, { tolerant: false });
    await respond(listMessage(linked, total, command.channel_id));
  });
};
