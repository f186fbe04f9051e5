import { cleanLine, cutText } from '../domain/clean-text';

/**
 * User text inside Markdown: one line that renders exactly as typed under GitHub-flavoured
 * Markdown, so a title or a threat can never add a heading, a list, a quote, a link, a table
 * column, an image or raw HTML to the report. Escaped, with visible-safe backslash escapes only
 * (hidden characters are never used to break syntax; cleaning removes them):
 * - Markdown and HTML punctuation, everywhere;
 * - `&` as `&amp;`, so a typed `&amp;` or `&copy;` shows as typed, not as `&` or ©;
 * - GFM's autolinks: every `:` (`https://`, `mailto:`, and `:smile:` emoji codes), every `@`
 *   (e-mail addresses, and GitHub mentions) and the `.` of `www.` are escaped, which GFM shows
 *   as the same characters but no longer links;
 * - a line start that opens a block: `-`, `=`, and an ordered-list number (`1.` becomes `1\.`).
 * Cleaned as the store cleans it (clean-text.ts), so a model file edited by hand reads the same.
 */
export function md(text: string, max = 1000): string {
  return cutText(cleanLine(text), max)
    .replace(/[\\`*_{}[\]()#+!|<>~:@]/g, (char) => `\\${char}`)
    .replace(/&/g, '&amp;')
    .replace(/(\bwww)\./gi, '$1\\.')
    .replace(/^([-=])/, '\\$1')
    .replace(/^(\d+)\./, '$1\\.');
}

/** What a link target keeps as is: ASCII that can neither end a target nor a link. */
const UNSAFE_IN_TARGET = /[^!#$%&*+,\-./0-9:;=?@A-Z_a-z~]/gu;

/**
 * A URL as a Markdown link target, `[text](here)` or `<here>`: everything that could end the
 * target or the link (`(`, `)`, `<`, `>`, `[`, `]`, white space, quotes, backslash, backtick) and
 * anything not ASCII is percent-encoded as UTF-8; `%` is kept, so an address already
 * percent-encoded still points where it did (encodeURI would encode it twice and keep `)`).
 */
export function linkTarget(url: string): string {
  return cleanLine(url).replace(UNSAFE_IN_TARGET, (char) =>
    [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** A Markdown table: header cells and rows of already-escaped cells. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '_None._';
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** User text shown as code (a path, an id): one line, no backtick to close the span, pipes kept out of tables. */
export function code(text: string, max = 200): string {
  const line = cleanLine(text).replace(/`/g, "'").replace(/\|/g, '\\|');
  return `\`${cutText(line, max)}\``;
}
