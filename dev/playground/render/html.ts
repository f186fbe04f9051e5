/**
 * Safe HTML building for the playground page. Every value interpolated into `html` is escaped
 * unless it is already `Html` (built by this module), so data can never become markup. The
 * escaping covers quotes too, which makes values safe inside quoted attributes; templates must
 * always quote their attributes.
 */

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (char) => ENTITIES[char] ?? '');
}

/** Markup known to be safe: only this module and the renderers that escape their input make it. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** A value a template accepts: text (escaped), markup, nothing, or a list of those. */
export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

function toHtml(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(toHtml).join('');
  return escapeHtml(String(value));
}

/** Tagged template: `html\`<b>${name}</b>\`` escapes `name`. `false`, `null` and `undefined` render nothing. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += toHtml(value) + (strings[index + 1] ?? '');
  });
  return new Html(out);
}

/** Wraps markup produced by one of the escaping renderers (renderMrkdwn, renderBlocks) for reuse in a template. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** Joins pieces of markup. */
export function join(parts: readonly HtmlValue[], separator: HtmlValue = ''): Html {
  return new Html(parts.map(toHtml).join(toHtml(separator)));
}

/** An attribute set from a record: `attrs({ 'data-kind': 'button', disabled: true })`. Names must be literals. */
export function attrs(values: Record<string, string | number | boolean | null | undefined>): Html {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === false) continue;
    if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`Bad attribute name: ${name}`);
    parts.push(value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`);
  }
  return new Html(parts.join(''));
}
