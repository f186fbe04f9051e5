/** Finds what a user would click: the element with an action_id in their open modal, a message or their Home tab. */
import { elementsOf } from './block-kit-blocks';
import { isObject, type JsonObject } from './json';
import type { StandInStore } from './stand-in-store';
import type { EphemeralMessage, SlackView, StoredMessage } from './stand-in-types';

/** Narrows the search: a given message (channel and/or ts), or a button by its value. */
export interface Where {
  channel?: string;
  ts?: string;
  /** Picks among several elements with the same action_id by their `value`. */
  value?: string;
  /** Search only this surface (default: top modal, then messages newest first, then the Home tab). */
  in?: 'modal' | 'message' | 'home';
}

export type Container =
  | { kind: 'message'; message: StoredMessage }
  | { kind: 'ephemeral'; ephemeral: EphemeralMessage }
  | { kind: 'view'; view: SlackView };

export interface Located {
  container: Container;
  blockId: string;
  element: JsonObject;
}

/** Further narrows matching elements (e.g. overflow menus offering a given option). */
export type Accept = (element: JsonObject) => boolean;

function findIn(
  blocks: unknown[],
  actionId: string,
  where: Where,
  accept: Accept,
): { blockId: string; element: JsonObject } | undefined {
  for (const block of blocks.filter(isObject)) {
    const blockId = typeof block.block_id === 'string' ? block.block_id : '';
    for (const { element } of elementsOf(block, '')) {
      if (element.action_id !== actionId) continue;
      if (where.value !== undefined && element.value !== where.value) continue;
      if (!accept(element)) continue;
      return { blockId, element };
    }
  }
  return undefined;
}

/** Anyone can open a public channel; private channels and DMs only show to their members. */
function canSee(store: StandInStore, channelId: string, userId: string): boolean {
  const channel = store.channel(channelId);
  return channel !== undefined && ((!channel.is_private && !channel.is_im) || channel.members.includes(userId));
}

function messageCandidates(store: StandInStore, userId: string, where: Where): Container[] {
  const visible = (channel: string) =>
    where.channel === undefined ? canSee(store, channel, userId) : channel === where.channel;
  const matchesTs = (ts: string) => where.ts === undefined || ts === where.ts;
  const messages: Container[] = store
    .allMessagesNewestFirst()
    .filter((message) => visible(message.channel) && matchesTs(message.ts))
    .map((message) => ({ kind: 'message', message }));
  const ephemerals: Container[] = store
    .ephemeralsFor(userId)
    .filter(
      (ephemeral) => (where.channel === undefined || ephemeral.channel === where.channel) && matchesTs(ephemeral.ts),
    )
    .map((ephemeral) => ({ kind: 'ephemeral', ephemeral }));
  const tsOf = (container: Container) =>
    container.kind === 'message' ? container.message.ts : container.kind === 'ephemeral' ? container.ephemeral.ts : '';
  return [...messages, ...ephemerals].sort((a, b) => tsOf(b).localeCompare(tsOf(a)));
}

function candidates(store: StandInStore, userId: string, where: Where): Container[] {
  const onlyMessages = where.channel !== undefined || where.ts !== undefined || where.in === 'message';
  const top = store.openViews(userId).at(-1);
  const home = store.home(userId);
  const modal: Container[] = top && !onlyMessages && where.in !== 'home' ? [{ kind: 'view', view: top }] : [];
  const messages = where.in === 'modal' || where.in === 'home' ? [] : messageCandidates(store, userId, where);
  const homeTab: Container[] = home && !onlyMessages && where.in !== 'modal' ? [{ kind: 'view', view: home }] : [];
  return [...modal, ...messages, ...homeTab];
}

function blocksOf(container: Container): unknown[] {
  if (container.kind === 'message') return container.message.blocks;
  if (container.kind === 'ephemeral') return container.ephemeral.blocks;
  return container.view.blocks;
}

/** The element the user means; throws (failing the test) with what was searched when there is none. */
export function locate(
  store: StandInStore,
  userId: string,
  actionId: string,
  where: Where = {},
  accept: Accept = () => true,
): Located {
  const searched = candidates(store, userId, where);
  for (const container of searched) {
    const found = findIn(blocksOf(container), actionId, where, accept);
    if (found) return { container, ...found };
  }
  const scope = JSON.stringify(where);
  throw new Error(
    `No element with action_id "${actionId}" visible to ${userId} (${scope}; searched ${searched.length} surfaces)`,
  );
}
