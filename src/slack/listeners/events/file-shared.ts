import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { readImportFile } from '../../../import/read-import-file';
import type { ImportRequest } from '../../../ports/import-requests';
import { answerEventOnce } from '../../../use-cases/answer-event-once';
import { IMPORT_REQUEST_TTL_MS, importModel } from '../../../use-cases/import-model';
import type { SlackServices } from '../../deps';
import { slackImportThread } from '../../presenters/import-thread';
import { describeSharedFile, downloadSharedFile, type EventFile } from '../../slack-files';
import { importedMessage, importNotYoursMessage, importProblemMessage } from '../../views/import-messages';
import type { SlackMessage } from '../../views/surfaces';
import { currentWorkspace } from '../../workspace-scope';

interface FileShareMessage {
  subtype?: string;
  channel: string;
  user?: string;
  thread_ts?: string;
  files?: EventFile[];
}

/**
 * A file shared in a thread `/threatmodel import` opened: downloaded with the bot token, read,
 * and made into the model, or refused with the problem named and the thread left open for
 * another file. Once per event id; the thread's request is taken atomically, so one file makes
 * one model however often Slack delivers it.
 */
export function fileShared(services: SlackServices, fileOrigins: readonly string[]) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const message = event as unknown as FileShareMessage;
    if (message.subtype !== 'file_share' || !message.thread_ts || !message.user || !message.files?.length) return;
    const { team_id: workspaceId } = body as { team_id: string };
    const eventId =
      (body as { event_id?: string }).event_id ?? `${message.channel}:${message.thread_ts}:${message.files[0]?.id}`;
    const user = message.user;
    const threadTs = message.thread_ts;
    await services.afterAck.run(() =>
      answerEventOnce(services, { eventId }, async () => {
        const request = await services.importRequests.take(workspaceId, message.channel, threadTs);
        if (!request) return; // not an import thread, or its model is made
        const reply = (answer: SlackMessage) =>
          services.threadPosts.post({ workspaceId, channel: message.channel }, { thread_ts: threadTs, ...answer });
        const reopen = () => services.importRequests.open(request, IMPORT_REQUEST_TTL_MS);
        if (user !== request.userId) {
          await reopen();
          return reply(importNotYoursMessage(user, request.userId));
        }
        await importFirstFile(services, fileOrigins, request, message.files ?? [], reply, reopen);
      }),
    );
  };
}

async function importFirstFile(
  services: SlackServices,
  fileOrigins: readonly string[],
  request: ImportRequest,
  files: NonNullable<FileShareMessage['files']>,
  reply: (answer: SlackMessage) => void,
  reopen: () => Promise<void>,
): Promise<void> {
  const refused = async (problem: string) => {
    await reopen();
    reply(importProblemMessage(problem));
  };
  const [first] = files;
  if (!first) return;
  if (files.length > 1) return refused('Share one file at a time.');
  const described = await describeSharedFile(services.client, first);
  if (!described.ok) return refused(described.problem);
  const { file } = described;
  // The token of the installation that authorised this event (OAuth mode), else the one bot token.
  const token = currentWorkspace()?.botToken ?? services.client.token ?? '';
  const download = await downloadSharedFile(file, token, fileOrigins);
  if (!download.ok) return refused(download.problem);
  const read = readImportFile(file.name, download.bytes, services.clock());
  if (!read.ok) return refused(read.problem);
  const outcome = await importModel(services, request, read.imported, slackImportThread(services));
  if (!outcome.ok) return refused(outcome.message);
  reply(importedMessage(outcome.model, read.imported));
}
