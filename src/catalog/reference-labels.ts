import type { References } from './catalog-schema';

/** The kinds of public id, in the order people read them; ASVS and AWS FSBP ids are named, the others say what they are. */
const KINDS: readonly { key: keyof Omit<References, 'links'>; label: (id: string) => string }[] = [
  { key: 'cwe', label: (id) => id },
  { key: 'capec', label: (id) => id },
  { key: 'owaspTop10', label: (id) => id },
  { key: 'asvs', label: (id) => `ASVS ${id}` },
  { key: 'awsFsbp', label: (id) => `FSBP ${id}` },
];

const SEPARATOR = ' · ';

/** Every public id of a catalog entry's references, kind by kind ("CWE-89", "A03:2021", "ASVS v5.0.0-1.2.4"); links are not ids. */
export function referenceLabels(references: References): string[] {
  return KINDS.flatMap(({ key, label }) => (references[key] ?? []).map(label));
}

/**
 * The references as one compact line of whole ids within `max` characters, for a Slack option or
 * context line: kind by kind when all fit; otherwise the first id of each kind comes first (so a
 * short line still names the CWE, the CAPEC pattern and the OWASP Top 10 category), then the
 * others, and "+2" counts what did not fit.
 */
export function referenceLine(references: References, max = Number.MAX_SAFE_INTEGER): string {
  const all = referenceLabels(references).join(SEPARATOR);
  if (all.length <= max) return all;
  const lists = KINDS.map(({ key, label }) => (references[key] ?? []).map(label));
  const candidates = [...lists.flatMap((ids) => ids.slice(0, 1)), ...lists.flatMap((ids) => ids.slice(1))];
  for (let shown = candidates.length; shown > 0; shown--) {
    const rest = candidates.length - shown;
    const text = candidates.slice(0, shown).join(SEPARATOR) + (rest > 0 ? ` +${rest}` : '');
    if (text.length <= max) return text;
  }
  return '';
}
