import { replaceEmoji } from './emoji';
import { escapeHtml } from './html';

/** Display names for the ids mrkdwn mentions: user id → real name, channel id → channel name. */
export interface Names {
  users: Record<string, string>;
  channels: Record<string, string>;
}

// Pieces already rendered (mentions, links, code) wait in the text as \uE000<n>\uE001 while the
// rest is escaped and formatted, so formatting can never reach inside them. Input characters in
// that private-use range are dropped first, so text cannot forge a placeholder.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000(\d+)\uE001/g;
const RESERVED = /[\uE000\uE001]/g;

const SLACK_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>' };
const BROADCASTS = new Set(['channel', 'here', 'everyone']);
const HTTP_URL = /^https?:\/\/[^\s<>"'`]+$/i;

/** Slack's three escapes to characters, in one pass so `&amp;lt;` stays the text `&lt;`. */
function decodeSlack(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (match, name: string) => SLACK_ENTITIES[name] ?? match);
}

/** Text shown as is (with emoji): decoded from Slack's escapes, then escaped for HTML. */
function shown(text: string): string {
  return replaceEmoji(escapeHtml(decodeSlack(text)));
}

function lookup(table: Record<string, string>, id: string): string | undefined {
  return Object.hasOwn(table, id) ? table[id] : undefined;
}

/** http(s) only: `javascript:`, `data:` and every other scheme is not a link. */
export function isHttpUrl(url: string): boolean {
  return HTTP_URL.test(url);
}

function renderSpecial(target: string, label: string | undefined, inner: string): string {
  const [kind = '', ...rest] = target.slice(1).split('^');
  if (BROADCASTS.has(kind)) return `<span class="mention broadcast">@${escapeHtml(kind)}</span>`;
  if (kind === 'subteam') return `<span class="mention">${shown(label ?? '@group')}</span>`;
  if (kind === 'date') {
    const seconds = Number(rest[0]);
    const fallback = label ?? (Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : '');
    return `<span class="date">${shown(fallback)}</span>`;
  }
  return shown(label ?? `<${inner}>`);
}

/** One `<…>` token: a mention, a broadcast, a date, a link, or (anything else) its text. */
function renderToken(inner: string, names: Names): string {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? undefined : inner.slice(bar + 1);
  if (target.startsWith('@')) {
    const id = target.slice(1);
    const name = lookup(names.users, id) ?? (label ? decodeSlack(label) : id);
    return `<span class="mention" data-user-id="${escapeHtml(id)}">@${escapeHtml(name)}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    const name = lookup(names.channels, id) ?? (label ? decodeSlack(label) : id);
    return `<span class="mention channel-mention">#${escapeHtml(name)}</span>`;
  }
  if (target.startsWith('!')) return renderSpecial(target, label, inner);
  const url = decodeSlack(target);
  if (isHttpUrl(url)) {
    return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${shown(label || target)}</a>`;
  }
  return shown(label ?? `<${inner}>`);
}

function applyFormatting(escaped: string): string {
  return replaceEmoji(escaped)
    .replace(/(^|[^\w*])\*([^\s*](?:[^*\n]*?[^\s*])?)\*(?![\w*])/g, '$1<strong>$2</strong>')
    .replace(/(^|[^\w_])_([^\s_](?:[^_\n]*?[^\s_])?)_(?![\w_])/g, '$1<em>$2</em>')
    .replace(/(^|[^\w~])~([^\s~](?:[^~\n]*?[^\s~])?)~(?![\w~])/g, '$1<del>$2</del>');
}

/** Lines starting with `>` become quotes; `>>>` quotes the rest of the text; the other line breaks stay. */
function layoutLines(formatted: string): string {
  const out: string[] = [];
  let quote: string[] = [];
  let rest = false;
  const flush = () => {
    if (quote.length > 0) out.push(`<blockquote>${quote.join('<br>')}</blockquote>`);
    quote = [];
  };
  for (const line of formatted.split('\n')) {
    if (rest || line.startsWith('&gt;')) {
      if (!rest && line.startsWith('&gt;&gt;&gt;')) {
        rest = true;
        quote.push(line.slice(12).replace(/^ /, ''));
      } else {
        quote.push(rest ? line : line.slice(4).replace(/^ /, ''));
      }
      continue;
    }
    flush();
    out.push(line);
  }
  flush();
  return out
    .join('<br>')
    .replace(/<br><blockquote>/g, '<blockquote>')
    .replace(/<\/blockquote><br>/g, '</blockquote>');
}

/**
 * Slack mrkdwn to HTML. Slack's `<…>` tokens are recognised first, while the text still carries
 * Slack's `&amp; &lt; &gt;` escapes, so an escaped `&lt;script&gt;` can only ever become text.
 * Then the escapes are decoded, everything is escaped for HTML, and formatting adds tags
 * around text that is already inert.
 */
export function renderMrkdwn(text: string, names: Names): string {
  const pieces: string[] = [];
  const stash = (markup: string) => `${OPEN}${pieces.push(markup) - 1}${CLOSE}`;
  const restore = (value: string) =>
    value.replace(PLACEHOLDER, (match, index: string) => pieces[Number(index)] ?? match);
  const code = (value: string) => restore(escapeHtml(value));

  const tokenised = text.replace(RESERVED, '').replace(/<([^<>\n]*)>/g, (_match, inner: string) => {
    return stash(renderToken(inner, names));
  });
  const withCode = decodeSlack(tokenised)
    .replace(/```\n?([\s\S]*?)\n?```/g, (_match, body: string) => stash(`<pre class="code-block">${code(body)}</pre>`))
    .replace(/`([^`\n]+)`/g, (_match, body: string) => stash(`<code>${code(body)}</code>`));
  // A code block is a block of its own: no line break needed on either side of it.
  return restore(layoutLines(applyFormatting(escapeHtml(withCode))))
    .replace(/<br>(<pre class="code-block">)/g, '$1')
    .replace(/(<\/pre>)<br>/g, '$1');
}

/** Text a person typed, escaped as Slack's client escapes it before sending (`&`, `<`, `>`). */
export function escapeForSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A plain_text object: escaped, with emoji shortcodes unless the object turns them off. */
export function renderPlain(text: string, emoji = true): string {
  const escaped = escapeHtml(text);
  return (emoji ? replaceEmoji(escaped) : escaped).replace(/\n/g, '<br>');
}
