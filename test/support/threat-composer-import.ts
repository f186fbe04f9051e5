/**
 * What Threat Composer's importer does to every string before its zod schema checks lengths:
 * sanitize-html with no allowed tags and no allowed attributes. Emulated here (the package is not
 * a dependency): the content of script-like tags and comments is dropped, every tag is dropped,
 * entities are decoded and `&`, `<`, `>` written back as `&amp;`, `&lt;`, `&gt;` (so a bare `&`
 * grows by four characters). On a string with no `<`, `>` or `&` sanitize-html changes nothing,
 * which the export test also asserts directly.
 */
export function sanitizeLikeThreatComposer(text: string): string {
  return text
    .replace(/<(script|style|textarea|option|noscript|xmp|iframe|noembed|noframes)\b[^>]*>[\s\S]*?(<\/\1\s*>|$)/gi, '')
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<\/?[a-zA-Z!?][^>]*(>|$)/g, '')
    .replace(
      /&(amp|lt|gt|quot|#39);/g,
      (_entity, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[name] ?? "'",
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Every string of a parsed Threat Composer file as its importer sees it after sanitising. */
export function asImported(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeLikeThreatComposer(value);
  if (Array.isArray(value)) return value.map(asImported);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asImported(item)]));
  }
  return value;
}

/** Strings of a value holding a character the sanitiser would rewrite, with their paths. */
export function htmlCharactersIn(value: unknown, path = '$'): string[] {
  if (typeof value === 'string') return /[<>&]/.test(value) ? [`${path}: ${value.slice(0, 80)}`] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => htmlCharactersIn(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => htmlCharactersIn(item, `${path}.${key}`));
  }
  return [];
}
