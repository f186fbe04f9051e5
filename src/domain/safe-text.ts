import { cleanLine, cleanText } from './clean-text';

/**
 * User text that ends up in a chat message must never ping a whole channel, forge a link or
 * break the layout. It is cleaned first (clean-text.ts: no controls, no bidi overrides; cheap on
 * text already cleaned where it entered). Slack's mrkdwn gives meaning to `&`, `<` and `>`
 * (links, mentions such as `<!channel>`), so those are escaped as Slack documents; the bare words
 * @channel, @here and @everyone are broken with an invisible word joiner so no client or
 * `link_names` turns them into a broadcast. The joiner is added after cleaning, which would
 * otherwise remove it. This is plain text processing, so the domain can use it; Slack views do too.
 */

const WORD_JOINER = '\u2060';
const BROADCASTS = /@(channel|here|everyone)\b/gi;

/** Safe to embed in mrkdwn, keeping line breaks. */
export function safeChatText(value: string): string {
  return cleanText(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(BROADCASTS, (_match, word: string) => `@${WORD_JOINER}${word}`);
}

/** Safe to embed in one line of mrkdwn: line breaks and runs of white space become one space. */
export function safeChatLine(value: string): string {
  return safeChatText(cleanLine(value)).replace(/`{3,}/g, (ticks) => ticks.split('').join(WORD_JOINER));
}

/** Plain text on one line (commit messages, issue titles): cleaned, white space folded. */
export function plainLine(value: string): string {
  return cleanLine(value);
}
