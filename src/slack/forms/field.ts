import type { Catalog } from '../../catalog/catalog';
import type { Flow } from '../../domain/flow';
import type { ThreatModel } from '../../domain/model';

/**
 * A form field as data. One table of fields drives both the modal a user sees and the parsing of
 * what they submit, so the two never drift apart. Field names are the properties of what is
 * being edited and double as block and action ids.
 */

export type FieldType = 'text' | 'multiline' | 'url' | 'select' | 'multiselect' | 'radio' | 'checkboxes' | 'user';

export interface Choice {
  text: string;
  value: string;
}

export interface ChoiceGroup {
  label: string;
  choices: Choice[];
}

export interface FormContext {
  model: ThreatModel;
  catalog: Catalog;
  /** The flow, for fields whose choices it defines (risk levels). */
  flow?: Flow;
}

export interface Field {
  name: string;
  label: string;
  type: FieldType;
  optional?: boolean;
  placeholder?: string;
  hint?: string;
  /** Text and multiline fields: the most characters the model keeps, set on the input so Slack refuses more first. */
  maxLength?: number;
  /** Multi-selects: the most choices the model keeps, set on the select likewise. */
  maxSelected?: number;
  /** For selects and radios: flat choices or groups. */
  choices?: (context: FormContext) => Choice[] | ChoiceGroup[];
}

/** The value a field shows when editing an existing element. */
export function initialValue(element: object | undefined, field: Field): string | string[] | undefined {
  if (!element) return undefined;
  const value = (element as Record<string, unknown>)[field.name];
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return undefined;
}

export function isGrouped(choices: Choice[] | ChoiceGroup[]): choices is ChoiceGroup[] {
  return choices.length > 0 && 'choices' in (choices[0] as object);
}

/** Choices in groups of 100, Slack's limit per select (up to 100 groups), labelled by their range. */
export function inHundreds(choices: readonly Choice[], noun: string): ChoiceGroup[] {
  const groups: ChoiceGroup[] = [];
  for (let i = 0; i < choices.length; i += 100) {
    const chunk = choices.slice(i, i + 100);
    groups.push({ label: `${noun} ${i + 1} to ${i + chunk.length}`, choices: chunk });
  }
  return groups;
}
