/**
 * Reading Block Kit JSON that arrives as `unknown`. The renderers show whatever they are given,
 * including payloads Slack would reject, so these accessors never throw: a field of the wrong
 * type reads as missing.
 */

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: Json | undefined, key: string): string | undefined {
  const field = value?.[key];
  return typeof field === 'string' ? field : undefined;
}

export function num(value: Json | undefined, key: string): number | undefined {
  const field = value?.[key];
  return typeof field === 'number' && Number.isFinite(field) ? field : undefined;
}

export function bool(value: Json | undefined, key: string): boolean {
  return value?.[key] === true;
}

export function rec(value: Json | undefined, key: string): Json | undefined {
  const field = value?.[key];
  return isRecord(field) ? field : undefined;
}

/** The records in an array field; other entries are dropped. */
export function recs(value: Json | undefined, key: string): Json[] {
  const field = value?.[key];
  return Array.isArray(field) ? field.filter(isRecord) : [];
}

/** The strings in an array field; other entries are dropped. */
export function strs(value: Json | undefined, key: string): string[] {
  const field = value?.[key];
  return Array.isArray(field) ? field.filter((entry): entry is string => typeof entry === 'string') : [];
}

/** The text of a text object (`{ type, text }`), whatever its type. */
export function textOf(value: Json | undefined, key: string): string | undefined {
  return str(rec(value, key), 'text');
}
