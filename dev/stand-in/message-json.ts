/** A stored message as Slack shows it in API responses and interaction payloads. */
import type { JsonObject } from './json';
import type { StoredMessage } from './stand-in-types';
import { BOT, TEAM_ID } from './workspace';

export function messageJson(message: StoredMessage): JsonObject {
  return {
    type: 'message',
    text: message.text,
    user: message.user,
    bot_id: message.bot_id,
    app_id: BOT.appId,
    team: TEAM_ID,
    blocks: message.blocks,
    ts: message.ts,
    ...(message.thread_ts === undefined ? {} : { thread_ts: message.thread_ts }),
    ...(message.metadata === undefined ? {} : { metadata: message.metadata }),
    ...(message.updates > 0 ? { edited: { user: message.user, ts: message.ts } } : {}),
  };
}
