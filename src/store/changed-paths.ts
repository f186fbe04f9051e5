/**
 * A compact description of what changed between two versions of a model, for the audit trail:
 * the paths of the values that differ. Items of lists that carry ids are addressed by id
 * (`threats[T-3].risk.decision`) so the trail stays readable when lists are reordered.
 */
export function changedPaths(before: unknown, after: unknown, limit = 50): string[] {
  const out: string[] = [];
  walk(before, after, '', out);
  return out.length > limit ? [...out.slice(0, limit), `… and ${out.length - limit} more`] : out;
}

const IGNORED = new Set(['version', 'updatedAt']);

function walk(a: unknown, b: unknown, path: string, out: string[]): void {
  if (Object.is(a, b)) return;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (hasIds(a) && hasIds(b)) {
      const before = new Map(a.map((item) => [item.id, item]));
      const after = new Map(b.map((item) => [item.id, item]));
      for (const [id, item] of after) walk(before.get(id), item, `${path}[${id}]`, out);
      for (const id of before.keys()) if (!after.has(id)) out.push(`${path}[${id}]`);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(path);
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (path === '' && IGNORED.has(key)) continue;
      walk(a[key], b[key], path ? `${path}.${key}` : key, out);
    }
    return;
  }
  out.push(path);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasIds(items: unknown[]): items is { id: string }[] {
  return items.every((item) => isObject(item) && typeof item.id === 'string');
}
