import { readImportFile } from '../../../import/read-import-file';
import { importOutsideChannel, importRepositoryFile } from '../../../use-cases/import-model';
import { slackImportThread } from '../../presenters/import-thread';
import { commandAnswer } from '../../views/command-responses';
import { importedMessage, importProblemMessage, repositoryImportProblemMessage } from '../../views/import-messages';
import type { SlackMessage } from '../../views/surfaces';
import type { Subcommand } from './subcommand';

/** The ack: a read can take seconds, and the answer (or the model's thread) follows. */
export const READING =
  'Reading the file from the export repository: its model follows in a new thread here, or I tell you why not.';

/**
 * `/threatmodel import <path>`: acknowledged at once; the file is then read from the export
 * repository, in that repository's own lane of reads (not an after-ack slot: a git fetch takes
 * seconds, and other people's clicks must not queue behind it), and goes through the same reading
 * as a shared file. A file that does not read makes nothing and posts nothing: only whoever asked
 * is told why. One that does is announced in the channel, and its model made in that thread.
 */
export const importFromRepository: Subcommand = async (services, { ack, command, respond, rest }) => {
  await ack(commandAnswer(READING));
  const request = { workspaceId: command.team_id, channelId: command.channel_id, userId: command.user_id };
  const refused = async (problem: string) => {
    await respond({ response_type: 'ephemeral', ...repositoryImportProblemMessage(problem) });
  };
  const outside = importOutsideChannel(request.channelId);
  if (outside) return refused(outside.message);
  const read = await services.repositoryFiles.read(request.workspaceId, rest);
  if (!read.ok) {
    if (read.detail) services.logger.warn({ detail: read.detail }, 'import: the export repository could not be read');
    return refused(read.problem);
  }
  const file = readImportFile(read.path, read.bytes, services.clock());
  if (!file.ok) return refused(file.problem);
  await services.afterAck.run(async () => {
    const source = { path: read.path, branch: read.branch, exportedFrom: read.exportedFrom };
    const outcome = await importRepositoryFile(services, request, source, file.imported, slackImportThread(services));
    const reply = (threadTs: string, answer: SlackMessage) =>
      services.threadPosts.post(
        { workspaceId: request.workspaceId, channel: request.channelId },
        { thread_ts: threadTs, ...answer },
      );
    if (outcome.ok) reply(outcome.threadTs, importedMessage(outcome.model, file.imported));
    else if ('inThread' in outcome) reply(outcome.inThread, importProblemMessage(outcome.message));
    else await refused(outcome.message);
  });
};
