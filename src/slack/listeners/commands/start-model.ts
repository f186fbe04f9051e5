import type { RespondFn } from '@slack/bolt';
import { summarize } from '../../../domain/summary';
import { scheduleIdle } from '../../../use-cases/idle-reminder';
import type { SlackServices } from '../../deps';
import { slackErrorCode } from '../../slack-errors';
import { modelCard } from '../../views/model-card';
import { scopeSummaryMessage } from '../../views/scope-summary';
import { notice, rolesMessage, stepOpenedMessage } from '../../views/thread-messages';

export interface StartRequest {
  workspaceId: string;
  channelId: string;
  userId: string;
  title: string;
}

/**
 * After `/threatmodel start` is acknowledged: create the model, post its card in the channel and,
 * in the card's thread, the roles message, the scope step and the scope summary. If the bot
 * cannot post in the channel, the user is told how to fix it and the model is archived.
 */
export async function startModel(services: SlackServices, request: StartRequest, respond: RespondFn): Promise<void> {
  const { store, client, flow, catalog, messageRefs } = services;
  const model = await store.create(
    { title: request.title, workspaceId: request.workspaceId, channelId: request.channelId, ownerId: request.userId },
    request.userId,
  );
  const ref = { workspaceId: model.workspaceId, modelId: model.id };
  let cardTs: string;
  try {
    const posted = await client.chat.postMessage({
      channel: model.channelId,
      ...modelCard(model, summarize(flow, model), flow),
    });
    cardTs = posted.ts as string;
  } catch (error) {
    const code = slackErrorCode(error);
    if (code !== 'not_in_channel' && code !== 'channel_not_found') throw error;
    await store.update(ref, { actor: 'system', action: 'model.abandon' }, (m) => ({ ...m, status: 'archived' }));
    await respond({
      response_type: 'ephemeral',
      ...notice(
        'I am not a member of this channel yet. Invite me with `/invite @Threadmodel`, then start the model again.',
      ),
    });
    return;
  }

  const { model: withThread } = await store.update(ref, { actor: request.userId, action: 'model.thread' }, (m) => ({
    ...m,
    threadTs: cardTs,
  }));
  await messageRefs.set(ref, { card: cardTs });
  const inThread = { channel: model.channelId, thread_ts: cardTs };
  const roles = await client.chat.postMessage({ ...inThread, ...rolesMessage(withThread, flow) });
  await client.chat.postMessage({ ...inThread, ...stepOpenedMessage(withThread, flow, 'scope') });
  const { page: _page, ...summary } = scopeSummaryMessage(withThread, catalog);
  const scopeSummary = await client.chat.postMessage({ ...inThread, ...summary });
  await messageRefs.set(ref, { roles: roles.ts as string, scopeSummary: scopeSummary.ts as string, scopePage: 1 });
  await scheduleIdle(services, withThread);
}
