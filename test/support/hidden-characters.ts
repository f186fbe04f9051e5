/**
 * Characters no text the app sends or stores may carry (see src/domain/clean-text.ts): control
 * characters but the line break, NUL among them; bidi embeddings, overrides, isolates and marks;
 * the zero width space and the byte order mark. The word joiner U+2060 is not here: mrkdwn
 * rendering adds it on purpose to break `@channel`.
 */
const HIDDEN = /(?!\n)[\p{Cc}\u061C\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** Every string anywhere in `value` that carries a hidden character, with its path: `[]` when clean. */
export function hiddenCharactersIn(value: unknown, path = '$'): string[] {
  if (typeof value === 'string') return HIDDEN.test(value) ? [`${path}: ${JSON.stringify(value)}`] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => hiddenCharactersIn(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => hiddenCharactersIn(item, `${path}.${key}`));
  }
  return [];
}
