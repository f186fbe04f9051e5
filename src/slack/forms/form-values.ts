import { z } from 'zod';
import { cleanText } from '../../domain/clean-text';
import type { Field } from './field';

/**
 * One input's state in a view submission, as Slack sends it. What people typed into a text input
 * is cleaned here, where it enters (clean-text.ts), for every modal; single-line fields fold their
 * white space in the domain schema. Other values (URLs, choices) are checked by their schemas.
 */
const StateValueSchema = z
  .looseObject({
    type: z.string(),
    value: z.string().nullish(),
    selected_option: z.looseObject({ value: z.string() }).nullish(),
    selected_options: z.array(z.looseObject({ value: z.string() })).nullish(),
    selected_user: z.string().nullish(),
  })
  .transform((entry) =>
    entry.type === 'plain_text_input' && entry.value ? { ...entry, value: cleanText(entry.value) } : entry,
  );
export const ViewStateSchema = z.record(z.string(), z.record(z.string(), StateValueSchema));
export type ViewState = z.infer<typeof ViewStateSchema>;

/** The raw value of each field: text, a chosen value, or chosen values; undefined when empty. */
export function rawValues(fields: readonly Field[], state: ViewState): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const field of fields) {
    const entry = state[field.name]?.[field.name];
    if (!entry) continue;
    const value =
      entry.selected_options?.map((o) => o.value) ??
      entry.selected_option?.value ??
      entry.selected_user ??
      entry.value?.trim() ??
      undefined;
    out[field.name] =
      value === '' || (Array.isArray(value) && value.length === 0 && !field.optional) ? undefined : value;
  }
  return out;
}

/** Required fields left empty, keyed by block id (a schema default must not fill them silently). */
export function missingRequired(fields: readonly Field[], raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    fields.filter((f) => !f.optional && raw[f.name] === undefined).map((f) => [f.name, 'Please fill this in.']),
  );
}
