import sanitizeHtml from 'sanitize-html';

/**
 * What Threat Composer's importer does to every string before its zod schema checks lengths
 * (`parseImportedData` in its `hooks/useExportImport` runs `utils/sanitizeHtml` over the parsed
 * file): the real sanitize-html with `allowedTags: []`, the only option Threat Composer passes.
 * With no tag allowed no attribute survives either, so its default `allowedAttributes` changes
 * nothing. Every tag goes, the content of script-like tags and comments too, and `&`, `<`, `>`
 * come back as `&amp;`, `&lt;`, `&gt;` (so a bare `&` grows by four characters).
 */
export function sanitizeLikeThreatComposer(text: string): string {
  return sanitizeHtml(text, { allowedTags: [] });
}

/**
 * Every string of a parsed Threat Composer file as its importer sees it after sanitising: values
 * of arrays and objects walked, keys kept, other values as they are (as Threat Composer's walk does).
 */
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
