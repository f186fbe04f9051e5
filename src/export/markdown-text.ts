import { cleanLine, cutText } from '../domain/clean-text';

/**
 * User text inside Markdown: one line, Markdown and HTML characters escaped, so a title or a
 * threat can never add a heading, a link, a table column, an image or raw HTML to the report.
 * Cleaned as the store cleans it (clean-text.ts), so a model file edited by hand reads the same.
 */
export function md(text: string, max = 1000): string {
  return cutText(cleanLine(text), max)
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (char) => `\\${char}`)
    .replace(/^([-=])/, '\\$1');
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
