import { marked } from 'marked';

/** Markdown rendered as GitHub-flavoured Markdown (tables, autolinks, strikethrough), as HTML. */
export function renderGfm(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** What a reader sees of rendered HTML: the text, tags dropped, entities decoded, white space collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_entity, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The links of rendered HTML: their targets (entities decoded) and visible text. */
export function linksIn(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a href="([^"]*)"[^>]*>(.*?)<\/a>/g)].map(([, href = '', text = '']) => ({
    href: href.replace(/&amp;/g, '&'),
    text: visibleText(text),
  }));
}
