/** chat.* methods of the stand-in. */
import { withBlockIds } from './block-ids';
import { blockKitProblems, slackErrorFor } from './block-kit-rules';
import { isObject, type JsonObject } from './json';
import { messageJson } from './message-json';
import { arg, fail, type MethodCall, type MethodHandler } from './method-types';
import type { StandInStore } from './stand-in-store';
import { BOT, TEAM_DOMAIN, type WorkspaceChannel } from './workspace';

/** chat.update refuses longer text (postMessage truncates at 40,000 instead). */
export const UPDATE_TEXT_LIMIT = 4000;

function blocksArg(args: JsonObject): unknown[] | undefined {
  return Array.isArray(args.blocks) ? args.blocks : undefined;
}

/** Validates a message payload; on problems records the violation and returns Slack's error reply. */
function refuseInvalid(store: StandInStore, method: string, payload: JsonObject): JsonObject | undefined {
  const problems = blockKitProblems('message', payload);
  if (problems.length === 0) return undefined;
  store.recordViolation(method, problems);
  return fail(slackErrorFor('message', problems), { response_metadata: { messages: problems } });
}

/** A channel id, '#name' or a user id (which means the bot's DM with that user, opened on first use). */
export function postTarget(store: StandInStore, channel: string): WorkspaceChannel | undefined {
  if (store.user(channel)) return store.directMessageWith(channel);
  return store.channel(channel);
}

/** Slack refuses metadata that is not `{event_type, event_payload}` (sent as a JSON string in form bodies). */
function hasValidMetadata(args: JsonObject): boolean {
  const { metadata } = args;
  if (metadata === undefined) return true;
  return isObject(metadata) && typeof metadata.event_type === 'string' && isObject(metadata.event_payload);
}

function hasContent(args: JsonObject): boolean {
  return arg(args, 'text') !== '' || (blocksArg(args)?.length ?? 0) > 0 || args.attachments !== undefined;
}

function postMessage({ store, args }: MethodCall): JsonObject {
  const target = postTarget(store, arg(args, 'channel'));
  if (!target) return fail('channel_not_found');
  if (!target.members.includes(BOT.userId)) return fail('not_in_channel');
  if (!hasContent(args)) return fail('no_text');
  if (!hasValidMetadata(args)) return fail('invalid_metadata_format');
  const blocks = blocksArg(args);
  const refusal = refuseInvalid(store, 'chat.postMessage', { text: args.text, blocks });
  if (refusal) return refusal;
  const threadTs = arg(args, 'thread_ts');
  const message = store.addMessage({
    channel: target.id,
    text: arg(args, 'text'),
    blocks: blocks ?? [],
    ...(threadTs === '' ? {} : { thread_ts: threadTs }),
    ...(args.metadata === undefined ? {} : { metadata: args.metadata }),
  });
  return { ok: true, channel: target.id, ts: message.ts, message: messageJson(message) };
}

function update({ store, args }: MethodCall): JsonObject {
  const channel = store.channel(arg(args, 'channel'));
  if (!channel) return fail('channel_not_found');
  const message = store.message(channel.id, arg(args, 'ts'));
  if (!message) return fail('message_not_found');
  const text = typeof args.text === 'string' ? args.text : undefined;
  if (text !== undefined && text.length > UPDATE_TEXT_LIMIT) return fail('msg_too_long');
  const blocks = blocksArg(args);
  const refusal = refuseInvalid(store, 'chat.update', { text: text ?? message.text, blocks: blocks ?? message.blocks });
  if (refusal) return refusal;
  store.editMessage(message, { ...(text === undefined ? {} : { text }), ...(blocks === undefined ? {} : { blocks }) });
  return { ok: true, channel: channel.id, ts: message.ts, text: message.text, message: messageJson(message) };
}

function postEphemeral({ store, args }: MethodCall): JsonObject {
  const channel = postTarget(store, arg(args, 'channel'));
  if (!channel) return fail('channel_not_found');
  const user = arg(args, 'user');
  if (!store.user(user)) return fail('user_not_found');
  if (!channel.members.includes(user)) return fail('user_not_in_channel');
  if (!channel.members.includes(BOT.userId)) return fail('not_in_channel');
  if (!hasContent(args)) return fail('no_text');
  const blocks = blocksArg(args) ?? [];
  const refusal = refuseInvalid(store, 'chat.postEphemeral', { text: args.text, blocks });
  if (refusal) return refusal;
  const ts = store.nextTs();
  const threadTs = arg(args, 'thread_ts');
  store.ephemerals.push({
    channel: channel.id,
    user,
    ts,
    text: arg(args, 'text'),
    blocks: withBlockIds(blocks),
    ...(threadTs === '' ? {} : { thread_ts: threadTs }),
    via: 'chat.postEphemeral',
  });
  return { ok: true, message_ts: ts };
}

function deleteMessage({ store, args }: MethodCall): JsonObject {
  const channel = store.channel(arg(args, 'channel'));
  if (!channel) return fail('channel_not_found');
  const message = store.message(channel.id, arg(args, 'ts'));
  if (!message) return fail('message_not_found');
  store.removeMessage(message);
  return { ok: true, channel: channel.id, ts: message.ts };
}

/** https://acme.slack.com/archives/<channel>/p<ts without dot>[?thread_ts=…&cid=…] */
export function permalink(channel: string, ts: string, threadTs?: string): string {
  const base = `https://${TEAM_DOMAIN}.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
  return threadTs === undefined ? base : `${base}?thread_ts=${threadTs}&cid=${channel}`;
}

function getPermalink({ store, args }: MethodCall): JsonObject {
  const channel = store.channel(arg(args, 'channel'));
  if (!channel) return fail('channel_not_found');
  const message = store.message(channel.id, arg(args, 'message_ts'));
  if (!message) return fail('message_not_found');
  return { ok: true, channel: channel.id, permalink: permalink(channel.id, message.ts, message.thread_ts) };
}

export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.update': update,
  'chat.postEphemeral': postEphemeral,
  'chat.delete': deleteMessage,
  'chat.getPermalink': getPermalink,
};
