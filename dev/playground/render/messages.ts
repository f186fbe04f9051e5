import { renderBlocks } from './blocks';
import type { EnteredValue, RenderContext, Surface } from './context';
import { type Html, html, trusted } from './html';
import { type Names, renderMrkdwn } from './mrkdwn';
import type { Message, PlaygroundState } from './playground-state';

/** Entered values of each message or view on the page, by scope (`scopeOf`). */
export type ValuesByScope = Record<string, Record<string, EnteredValue>>;

export function namesOf(state: Pick<PlaygroundState, 'users' | 'channels'>): Names {
  return {
    users: Object.fromEntries(state.users.map((user) => [user.id, user.realName])),
    channels: Object.fromEntries(state.channels.map((channel) => [channel.id, channel.name])),
  };
}

/** The scope under which a message's or view's entered values are kept. */
export function scopeOf(surface: Surface, id: string): string {
  return `${surface}:${id}`;
}

/** Slack timestamps ("1700000000.000100") in order, without losing the microseconds to floating point. */
export function compareTs(a: string, b: string): number {
  const [aSeconds = '0', aMicros = ''] = a.split('.');
  const [bSeconds = '0', bMicros = ''] = b.split('.');
  return Number(aSeconds) - Number(bSeconds) || aMicros.padEnd(6, '0').localeCompare(bMicros.padEnd(6, '0'));
}

/** "10:42 AM" in the browser's time zone (or the one given, for tests). */
export function formatTime(ts: string, timeZone?: string): string {
  const date = new Date(Number(ts.split('.')[0]) * 1000);
  if (Number.isNaN(date.getTime())) return '';
  return date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', ...(timeZone && { timeZone }) });
}

export interface MessageOptions {
  names: Names;
  channel: string;
  ephemeral?: boolean;
  /** Inside the thread pane: no "N replies" link. */
  inThread?: boolean;
  values?: ValuesByScope;
}

function body(message: Message, ctx: RenderContext): Html {
  if (message.blocks.length > 0) return trusted(renderBlocks(message.blocks, ctx));
  return html`<div class="message-text">${trusted(renderMrkdwn(message.text, ctx.names))}</div>`;
}

/** Avatar and name: a person who typed in the playground, or the app. */
function sender(message: Message, names: Names): { avatar: Html; name: Html } {
  const person = message.user && Object.hasOwn(names.users, message.user) ? names.users[message.user] : undefined;
  if (!person) {
    return {
      avatar: html`<div class="avatar bot-avatar" aria-hidden="true">🧵</div>`,
      name: html`<span class="sender">Threadmodel</span><span class="app-badge">APP</span>`,
    };
  }
  const initials = person
    .split(/\s+/)
    .map((word) => word.slice(0, 1))
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const colour = [...(message.user ?? '')].reduce((sum, char) => sum + char.charCodeAt(0), 0) % 6;
  return {
    avatar: html`<div class="avatar person-avatar colour-${colour}" aria-hidden="true">${initials}</div>`,
    name: html`<span class="sender">${person}</span>`,
  };
}

/** One message, Slack-style: avatar, name, time, body, replies link and a hover menu with the app's shortcut. */
export function renderMessage(message: Message, options: MessageOptions): Html {
  const surface: Surface = options.ephemeral ? 'ephemeral' : 'message';
  const scope = scopeOf(surface, message.ts);
  const ctx: RenderContext = { names: options.names, surface, scope, values: options.values?.[scope] ?? {} };
  const replies = message.replyCount;
  const from = sender(message, options.names);
  return html`<div class="message${options.ephemeral ? ' ephemeral' : ''}" data-testid="message" data-ts="${message.ts}" data-surface="${surface}" data-scope="${scope}" data-channel="${options.channel}">
${from.avatar}
<div class="message-content">
<div class="message-header">${from.name}<time class="message-time">${formatTime(message.ts)}</time></div>
${options.ephemeral ? html`<div class="ephemeral-note">👁 Only visible to you</div>` : ''}
<div class="message-body">${body(message, ctx)}</div>
${
  replies > 0 && !options.inThread
    ? html`<button type="button" class="replies" data-open-thread="${message.ts}"><span class="replies-avatar" aria-hidden="true">🧵</span>${replies} ${replies === 1 ? 'reply' : 'replies'}<span class="replies-view">View thread</span></button>`
    : ''
}
</div>
${
  options.ephemeral
    ? ''
    : html`<div class="message-actions"><details class="message-menu"><summary data-testid="message-menu" aria-label="More actions">⋯</summary><div class="menu"><button type="button" class="menu-item" data-testid="capture-threat" data-shortcut="capture_threat">Capture as threat <span class="menu-app">Threadmodel</span></button></div></details></div>`
}
</div>`;
}

/** The channel's top-level messages with the user's ephemerals among them, in time order. */
export function renderChannelMessages(state: PlaygroundState, values: ValuesByScope, openThread?: string): string {
  const names = namesOf(state);
  const channel = state.channel ?? '';
  const ephemerals = state.ephemerals.filter((message) => !message.threadTs || message.threadTs !== openThread);
  const entries = [
    ...state.messages.map((message) => ({ message, ephemeral: false })),
    ...ephemerals.map((message) => ({ message, ephemeral: true })),
  ].sort((a, b) => compareTs(a.message.ts, b.message.ts));
  if (entries.length === 0) {
    return html`<div class="channel-empty"><p class="channel-empty-title">This is the very beginning of this channel.</p><p>Type <code>/threatmodel start Refunds API</code> below to start a threat model.</p></div>`
      .value;
  }
  return entries
    .map(({ message, ephemeral }) => renderMessage(message, { names, channel, ephemeral, values }).value)
    .join('');
}

/** The thread pane: the parent, a replies divider, the replies and the user's ephemerals in the thread. */
export function renderThread(state: PlaygroundState, values: ValuesByScope, threadTs: string): string {
  const [parent, ...replies] = state.thread ?? [];
  const names = namesOf(state);
  const channel = state.channel ?? '';
  const channelName = state.channels.find((c) => c.id === channel)?.name ?? '';
  const ephemerals = state.ephemerals.filter((message) => message.threadTs === threadTs);
  const entries = [
    ...replies.map((message) => ({ message, ephemeral: false })),
    ...ephemerals.map((message) => ({ message, ephemeral: true })),
  ].sort((a, b) => compareTs(a.message.ts, b.message.ts));
  const render = (message: Message, ephemeral: boolean) =>
    renderMessage(message, { names, channel, ephemeral, inThread: true, values });
  return html`<header class="pane-header"><div><h2>Thread</h2><span class="pane-sub">#${channelName}</span></div><button type="button" class="icon-button" data-close-thread aria-label="Close thread">×</button></header>
<div class="thread-messages">${parent ? render(parent, false) : html`<p class="muted">Loading…</p>`}${
    replies.length > 0
      ? html`<div class="replies-divider"><span>${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</span></div>`
      : ''
  }${entries.map(({ message, ephemeral }) => render(message, ephemeral))}</div>
`.value;
}
