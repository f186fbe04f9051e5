/** conversations.history of the stand-in: a conversation's top-level messages and thread parents, newest first. */
import type { JsonObject } from './json';
import { messageJson } from './message-json';
import { arg, fail, type MethodCall, type MethodHandler } from './method-types';
import { postTarget } from './methods-chat';
import type { StandInStore } from './stand-in-store';
import type { StoredMessage } from './stand-in-types';
import { BOT } from './workspace';

const DEFAULT_LIMIT = 100;
/** Slack's maximum page size for conversations.history. */
export const HISTORY_LIMIT_MAX = 999;

/** A ts ('seconds.micros', micros optional) in microseconds; NaN when it is not one. */
function tsMicros(ts: string): number {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(ts);
  if (!match) return Number.NaN;
  return Number(match[1]) * 1_000_000 + Number((match[2] ?? '').padEnd(6, '0'));
}

/** Slack's history cursors read `next_ts:<ts digits>` in base64; the page starts at that message. */
function encodeCursor(message: StoredMessage): string {
  return Buffer.from(`next_ts:${tsMicros(message.ts)}`).toString('base64');
}

function decodeCursor(cursor: string): number | undefined {
  const match = /^next_ts:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function isTrue(args: JsonObject, key: string): boolean {
  return args[key] === true || ['true', '1'].includes(arg(args, key));
}

/** A ts argument in microseconds: `fallback` when absent, NaN when it is not a ts. */
function tsArg(args: JsonObject, key: string, fallback: number): number {
  const value = arg(args, key);
  return value === '' ? fallback : tsMicros(value);
}

type RangeCheck = ((message: StoredMessage) => boolean) | { error: 'invalid_ts_oldest' | 'invalid_ts_latest' };

/** Whether a message's ts lies within `oldest` and `latest` (exclusive unless `inclusive`). */
function range(args: JsonObject): RangeCheck {
  const oldest = tsArg(args, 'oldest', 0);
  const latest = tsArg(args, 'latest', Number.POSITIVE_INFINITY);
  if (Number.isNaN(oldest)) return { error: 'invalid_ts_oldest' };
  if (Number.isNaN(latest)) return { error: 'invalid_ts_latest' };
  const inclusive = isTrue(args, 'inclusive');
  return (message) => {
    const at = tsMicros(message.ts);
    return inclusive ? at >= oldest && at <= latest : at > oldest && at < latest;
  };
}

/** A message as history shows it: thread parents summarise their replies; metadata only when asked. */
function historyJson(store: StandInStore, message: StoredMessage, withMetadata: boolean): JsonObject {
  const { metadata, ...json } = messageJson(message);
  const replies = store.thread(message.channel, message.ts);
  const last = replies.at(-1);
  const replyUsers = [...new Set(replies.map((reply) => reply.user))];
  return {
    ...json,
    ...(withMetadata && metadata !== undefined ? { metadata } : {}),
    ...(last === undefined
      ? {}
      : {
          thread_ts: message.ts,
          reply_count: replies.length,
          reply_users_count: replyUsers.length,
          latest_reply: last.ts,
          reply_users: replyUsers,
        }),
  };
}

function conversationsHistory({ store, args }: MethodCall): JsonObject {
  const channel = postTarget(store, arg(args, 'channel'));
  if (!channel || (channel.is_private && !channel.members.includes(BOT.userId))) return fail('channel_not_found');
  if (!channel.members.includes(BOT.userId)) return fail('not_in_channel');
  const cursor = arg(args, 'cursor') === '' ? Number.POSITIVE_INFINITY : decodeCursor(arg(args, 'cursor'));
  if (cursor === undefined) return fail('invalid_cursor');
  const within = range(args);
  if (typeof within !== 'function') return fail(within.error);
  const limit = Math.min(Math.max(Number(arg(args, 'limit')) || DEFAULT_LIMIT, 1), HISTORY_LIMIT_MAX);
  const matching = store
    .messages(channel.id)
    .filter((message) => within(message) && tsMicros(message.ts) <= cursor)
    .reverse();
  const page = matching.slice(0, limit);
  const next = matching[limit];
  const withMetadata = isTrue(args, 'include_all_metadata');
  return {
    ok: true,
    messages: page.map((message) => historyJson(store, message, withMetadata)),
    has_more: next !== undefined,
    pin_count: 0,
    ...(next === undefined ? {} : { response_metadata: { next_cursor: encodeCursor(next) } }),
  };
}

/** conversations.replies: the parent first, then its replies oldest first (one page of `limit`). */
function conversationsReplies({ store, args }: MethodCall): JsonObject {
  const channel = postTarget(store, arg(args, 'channel'));
  if (!channel || (channel.is_private && !channel.members.includes(BOT.userId))) return fail('channel_not_found');
  if (!channel.members.includes(BOT.userId)) return fail('not_in_channel');
  const parent = store.message(channel.id, arg(args, 'ts'));
  if (!parent) return fail('thread_not_found');
  const limit = Math.min(Math.max(Number(arg(args, 'limit')) || DEFAULT_LIMIT, 1), 1000);
  const all = [parent, ...store.thread(channel.id, parent.ts)];
  const withMetadata = isTrue(args, 'include_all_metadata');
  return {
    ok: true,
    messages: all.slice(0, limit).map((message) => {
      const { metadata, ...json } = messageJson(message);
      return { ...json, thread_ts: parent.ts, ...(withMetadata && metadata !== undefined ? { metadata } : {}) };
    }),
    has_more: all.length > limit,
  };
}

export const historyMethods: Record<string, MethodHandler> = {
  'conversations.history': conversationsHistory,
  'conversations.replies': conversationsReplies,
};
