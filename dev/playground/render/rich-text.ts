import { type Json, rec, recs, str } from './block-data';
import type { RenderContext } from './context';
import { EMOJI } from './emoji';
import { type Html, html } from './html';
import { isHttpUrl } from './mrkdwn';

function styled(content: Html, style: Json | undefined): Html {
  let out = content;
  if (style?.code === true) out = html`<code>${out}</code>`;
  if (style?.bold === true) out = html`<strong>${out}</strong>`;
  if (style?.italic === true) out = html`<em>${out}</em>`;
  if (style?.strike === true) out = html`<del>${out}</del>`;
  return out;
}

function lookup(table: Record<string, string>, id: string): string {
  return Object.hasOwn(table, id) ? (table[id] ?? id) : id;
}

/** One inline element of a rich_text section. */
function inline(element: Json, ctx: RenderContext): Html {
  const style = rec(element, 'style');
  switch (str(element, 'type')) {
    case 'text':
      return styled(
        html`${(str(element, 'text') ?? '').split('\n').map((line, i) => html`${i > 0 ? html`<br>` : ''}${line}`)}`,
        style,
      );
    case 'link': {
      const url = str(element, 'url') ?? '';
      const text = str(element, 'text') || url;
      return isHttpUrl(url)
        ? styled(html`<a href="${url}" target="_blank" rel="noopener noreferrer">${text}</a>`, style)
        : styled(html`${text}`, style);
    }
    case 'user':
      return html`<span class="mention">@${lookup(ctx.names.users, str(element, 'user_id') ?? '')}</span>`;
    case 'channel':
      return html`<span class="mention channel-mention">#${lookup(ctx.names.channels, str(element, 'channel_id') ?? '')}</span>`;
    case 'broadcast':
      return html`<span class="mention broadcast">@${str(element, 'range') ?? 'here'}</span>`;
    case 'emoji': {
      const name = str(element, 'name') ?? '';
      return html`${Object.hasOwn(EMOJI, name) ? EMOJI[name] : `:${name}:`}`;
    }
    default:
      return html`<span class="unsupported">[${str(element, 'type') ?? 'unknown'}]</span>`;
  }
}

function inlines(element: Json, ctx: RenderContext): Html {
  return html`${recs(element, 'elements').map((child) => inline(child, ctx))}`;
}

/** A rich_text block (the basic parts: sections, lists, quotes, preformatted text). */
export function renderRichText(block: Json, ctx: RenderContext): Html {
  const parts = recs(block, 'elements').map((part) => {
    switch (str(part, 'type')) {
      case 'rich_text_section':
        return html`<div class="rich-section">${inlines(part, ctx)}</div>`;
      case 'rich_text_preformatted':
        return html`<pre class="code-block">${inlines(part, ctx)}</pre>`;
      case 'rich_text_quote':
        return html`<blockquote>${inlines(part, ctx)}</blockquote>`;
      case 'rich_text_list': {
        const items = recs(part, 'elements').map((item) => html`<li>${inlines(item, ctx)}</li>`);
        return str(part, 'style') === 'ordered' ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
      }
      default:
        return html`<div class="unsupported">Unsupported rich text part: ${str(part, 'type') ?? 'unknown'}</div>`;
    }
  });
  return html`<div class="block block-rich-text">${parts}</div>`;
}
