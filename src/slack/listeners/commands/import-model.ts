import { startImport } from '../../../use-cases/import-model';
import { slackImportThread } from '../../presenters/import-thread';
import { notice } from '../../views/thread-messages';
import { importFromRepository } from './import-from-repository';
import type { Subcommand } from './subcommand';

/**
 * `/threatmodel import`: acknowledged at once; then the prompt is posted in the channel and its
 * thread waits for the file (see events/file-shared.ts). With a path, the file is read from the
 * export repository instead (import-from-repository.ts).
 */
export const importCommand: Subcommand = async (services, args) => {
  if (args.rest !== '') return importFromRepository(services, args);
  const { ack, command, respond } = args;
  await ack();
  await services.afterAck.run(async () => {
    const outcome = await startImport(
      services,
      { workspaceId: command.team_id, channelId: command.channel_id, userId: command.user_id },
      slackImportThread(services),
    );
    if (!outcome.ok) await respond({ response_type: 'ephemeral', ...notice(outcome.message) });
  });
};
