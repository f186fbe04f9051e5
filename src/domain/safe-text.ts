/**
 * User text that ends up in a chat message must never ping a whole channel, forge a link or
 * break the layout. Slack's mrkdwn gives meaning to `&`, `<` and `>` (links, mentions such as
 * `<!channel>`), so those are escaped as Slack documents; the bare words @channel, @here and
 * @everyone are broken with an invisible word joiner so no client or `link_names` turns them
 * into a broadcast. This is plain text processing, so the domain can use it; Slack views do too.
 */

const WORD_JOINER = '\u2060';
const BROADCASTS = /@(channel|here|everyone)\b/gi;
// C0/C1 control characters except tab and newline, plus bidi overrides that can reorder text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Safe to embed in mrkdwn, keeping line breaks. */
export function safeChatText(value: string): string {
  return value
    .replace(CONTROL_CHARACTERS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCASTS, (_match, word: string) => `@${WORD_JOINER}${word}`);
}

/** Safe to embed in one line of mrkdwn: line breaks and runs of white space become one space. */
export function safeChatLine(value: string): string {
  return safeChatText(value.replace(/\s+/g, ' ').trim()).replace(/`{3,}/g, (ticks) =>
    ticks.split('').join(WORD_JOINER),
  );
}

/** Plain text on one line (commit messages, issue titles): no control characters, white space folded. */
export function plainLine(value: string): string {
  return value.replace(CONTROL_CHARACTERS, '').replace(/\s+/g, ' ').trim();
}
