/**
 * response_url handling: the stand-in hands out URLs and applies what the app POSTs to them
 * (ephemeral / in_channel messages, replace_original, delete_original), like Slack does.
 * The same logic applies a slash command's immediate ack body.
 */
import { withBlockIds } from './block-ids';
import { blockKitProblems, slackErrorFor } from './block-kit-rules';
import type { JsonObject } from './json';
import type { StandInStore } from './stand-in-store';
import type { EphemeralMessage, ResponseUrlContext } from './stand-in-types';

export { RESPONSE_URL_MAX_USES, RESPONSE_URL_TTL_MS, ResponseTargets } from './response-targets';

type Via = EphemeralMessage['via'];

function original(store: StandInStore, context: ResponseUrlContext) {
  const ts = context.messageTs;
  if (ts === undefined) return undefined;
  if (context.ephemeral) {
    const ephemeral = store.ephemerals.find((candidate) => candidate.ts === ts && candidate.user === context.user);
    return ephemeral ? { kind: 'ephemeral' as const, ephemeral } : undefined;
  }
  const message = store.message(context.channel, ts);
  return message ? { kind: 'message' as const, message } : undefined;
}

function remove(store: StandInStore, context: ResponseUrlContext): void {
  const target = original(store, context);
  if (target?.kind === 'message') store.removeMessage(target.message);
  if (target?.kind === 'ephemeral') store.ephemerals.splice(store.ephemerals.indexOf(target.ephemeral), 1);
}

/** Applies a message body sent to a response_url (or as a command ack). Returns HTTP status and body text. */
export function applyMessageResponse(
  store: StandInStore,
  context: ResponseUrlContext,
  body: JsonObject,
  via: Via,
): { status: number; text: string; problems: string[] } {
  const text = typeof body.text === 'string' ? body.text : '';
  const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
  const deleteOnly = body.delete_original === true && text === '' && blocks === undefined;
  const problems = deleteOnly ? [] : blockKitProblems('message', { text: body.text, blocks });
  if (problems.length > 0) {
    store.recordViolation(via, problems);
    return { status: 400, text: slackErrorFor('message', problems), problems };
  }
  if (body.delete_original === true) {
    remove(store, context);
    if (deleteOnly) return { status: 200, text: 'ok', problems };
  }
  const target = body.replace_original === true ? original(store, context) : undefined;
  if (target?.kind === 'message') {
    store.editMessage(target.message, { text, blocks: blocks ?? [] });
  } else if (target?.kind === 'ephemeral') {
    Object.assign(target.ephemeral, { text, blocks: withBlockIds(blocks ?? []) });
  } else {
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : context.threadTs;
    const thread = threadTs === undefined ? {} : { thread_ts: threadTs };
    if (body.response_type === 'in_channel') {
      store.addMessage({ channel: context.channel, text, blocks: blocks ?? [], ...thread });
    } else {
      const ts = store.nextTs();
      store.ephemerals.push({
        channel: context.channel,
        user: context.user,
        ts,
        text,
        blocks: withBlockIds(blocks ?? []),
        ...thread,
        via,
      });
    }
  }
  return { status: 200, text: 'ok', problems };
}
