/**
 * What people type is cleaned once, where it enters (a slash command, a form, a captured message,
 * an imported model file), and the model schemas clean it again so no other path can store it
 * dirty. Clean means: nothing invisible that can change how the text reads or what it is.
 *
 * Removed:
 * - C0 and C1 control characters and NUL (terminal escapes, a NUL that truncates text in C-based
 *   tools), except the line break of multi-line text; a tab becomes a space (in Markdown a leading
 *   tab starts a code block, in Slack it renders unevenly).
 * - Bidirectional controls: the embeddings, overrides and isolates U+202A–U+202E and
 *   U+2066–U+2069 (they reorder what is shown: `Refunds \u202Edevorppa` reads "Refunds approved"),
 *   and the marks U+200E, U+200F, U+061C. Right-to-left scripts need none of them to display.
 * - Every other default-ignorable code point (Unicode's list of characters that show nothing):
 *   zero width space, word joiner, invisible operators, soft hyphen, the byte order mark, Hangul
 *   fillers (blank "letters" used for empty-looking names), the Mongolian vowel separator, and the
 *   tag characters U+E0000–U+E007F, which spell hidden ASCII (smuggled instructions) unless they
 *   form an emoji flag such as Scotland's, which is kept. Also the interlinear annotation
 *   characters (they hide text in some renderers), noncharacters and lone surrogates (half an
 *   emoji, invalid UTF-16 that JSON and git carry badly).
 *
 * Kept, because writing systems and emoji need them and none of them reorders or hides text:
 * - ZWJ U+200D (emoji sequences such as 👨‍👩‍👧, and conjuncts in Indic scripts) and ZWNJ U+200C
 *   (Persian, Indic scripts). Both only change how neighbouring letters join.
 * - One variation selector after a character (❤️'s emoji presentation, Japanese ideographic
 *   variants); a run of them, a known way to hide a payload behind one emoji, keeps its first.
 *
 * Then line breaks of every kind (CR LF, CR, NEL, U+2028, U+2029) become `\n`, a run of combining
 * marks is capped (stacked "Zalgo" marks would spill over other lines), and the text is normalised
 * to NFC so the same word is always stored as the same characters. Slack and Markdown syntax
 * (`<!channel>`, links) is left alone: escaping it is each rendering's job (safe-text.ts).
 *
 * Cleaning is idempotent: cleaning clean text changes nothing.
 */

/** An emoji flag written with tag characters (🏴 + tag letters or digits + cancel tag), e.g. Scotland's. */
const TAG_FLAG = '\\u{1F3F4}[\\u{E0030}-\\u{E0039}\\u{E0061}-\\u{E007A}]{1,7}\\u{E007F}';
/** What the cleaner takes out; line breaks, ZWJ, ZWNJ and variation selectors are handled apart. */
const HIDDEN = '[\\p{Cc}\\p{Cs}\\p{Default_Ignorable_Code_Point}\\p{Noncharacter_Code_Point}\\u{FFF9}-\\u{FFFB}]';
const KEPT = '[\\n\\u200C\\u200D]|\\p{Variation_Selector}';
const INVISIBLE = new RegExp(`(${TAG_FLAG})|(?!${KEPT})${HIDDEN}`, 'gu');
const SELECTOR_RUN = /(\p{Variation_Selector})\p{Variation_Selector}+/gu;
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
/** More combining marks on one character than any script needs. */
const MARK_RUN = /(\p{M}{8})\p{M}+/gu;
/** Printable ASCII only: nothing to clean but white space. */
const PLAIN_ASCII = /^[\x20-\x7E\n]*$/;

/** Multi-line user text, cleaned: line breaks kept (at most one blank line in a row), trimmed. */
export function cleanText(value: string): string {
  const visible = PLAIN_ASCII.test(value)
    ? value
    : value
        .replace(LINE_BREAKS, '\n')
        .replace(/\t/g, ' ')
        .replace(INVISIBLE, (_char, flag: string | undefined) => flag ?? '')
        .replace(SELECTOR_RUN, '$1')
        .normalize('NFC')
        .replace(MARK_RUN, '$1');
  return visible
    .replace(/[^\S\n]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One line of user text (a title, a name, a grammar field): cleaned, every run of white space one space. */
export function cleanLine(value: string): string {
  return cleanText(value).replace(/\s+/g, ' ').trim();
}

/**
 * At most `max` UTF-16 units (what Slack and the exporters' limits count), ending in an ellipsis
 * when cut, and never cutting an emoji (a surrogate pair) in half: half an emoji is a lone
 * surrogate, the very thing cleaning removes.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const high = text.charCodeAt(max - 2);
  const end = high >= 0xd800 && high <= 0xdbff ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}
