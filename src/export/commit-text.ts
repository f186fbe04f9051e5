/**
 * Text from Slack made fit for the repository's one-line texts: commit subjects, pull request and
 * issue titles. Slack's markup is turned into the words it shows (`<@U1|sam>` is `sam`, a link its
 * label, `<!channel>` nothing), `@channel`-style broadcasts lose their `@`, control, bidi and
 * invisible formatting characters go, white space folds into single spaces, and the result is at
 * most `max` characters. One line means a title can never add a line to a commit message (such
 * as a forged trailer). Local to the export on purpose: it must hold whatever the chat texts do.
 */
export function commitText(text: string, max = 200): string {
  const line = withoutSlackMarkup(
    text
      .replace(LONE_SURROGATES, '')
      .replace(INVISIBLE, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  )
    .replace(BROADCASTS, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  const characters = Array.from(line);
  return characters.length <= max
    ? line
    : `${characters
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

// C0 and C1 controls except white space (folded below), bidi marks, embeddings, overrides and
// isolates, zero-width characters and the byte order mark.
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BROADCASTS = /@(channel|here|everyone)\b/gi;
// `<target|label>` where the target is a mention (`!…`, `@…`, `#…`) or a URL, as Slack writes them.
const SLACK_TOKEN = /<([!@#][^<>|\s]*|[a-z][a-z0-9+.-]*:[^<>|\s]*)(?:\|([^<>]*))?>/gi;

/**
 * Every `<…>` of Slack's markup as the words it shows, until none is left (a token nested in
 * another is found once the inner one is gone); each round removes brackets, so it ends.
 */
function withoutSlackMarkup(text: string): string {
  let out = text;
  let before: string;
  do {
    before = out;
    out = out.replace(SLACK_TOKEN, (_token, target: string, label: string | undefined) => shownAs(target, label));
  } while (out !== before);
  return out;
}

function shownAs(target: string, label: string | undefined): string {
  if (target.startsWith('!')) return label?.replace(/^@/, '') ?? ''; // <!channel>, <!subteam^S1|@team>
  if (target.startsWith('@')) return label ?? target.slice(1); // <@U123|sam>
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`; // <#C123|general>
  return label ?? target; // <https://example.com|the docs>
}
