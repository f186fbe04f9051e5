/**
 * What Slack puts in `state.values[block_id][action_id]` (and in an action) for each element type,
 * given the value a test chose, or the element's initial value when it chose none.
 */
import { isObject, type JsonObject, objectsAt } from './json';

/** A value chosen by the test: text, option value(s), user id(s), a date… or true/false for checkboxes. */
export type Chosen = string | string[] | boolean | undefined;

function actionIdOf(element: JsonObject): string {
  return typeof element.action_id === 'string' ? element.action_id : '(no action_id)';
}

export function allOptions(element: JsonObject): JsonObject[] {
  return [
    ...objectsAt(element, 'options'),
    ...objectsAt(element, 'option_groups').flatMap((group) => objectsAt(group, 'options')),
  ];
}

/** The element's option with this value; throws (failing the test) when there is none. */
export function optionWithValue(element: JsonObject, value: string): JsonObject {
  const option = allOptions(element).find((candidate) => candidate.value === value);
  if (!option) {
    const values = allOptions(element).map((candidate) => String(candidate.value));
    throw new Error(`${actionIdOf(element)} has no option "${value}" (options: ${values.join(', ')})`);
  }
  return structuredClone(option);
}

function list(chosen: Chosen): string[] | undefined {
  if (chosen === undefined || typeof chosen === 'boolean') return undefined;
  return Array.isArray(chosen) ? chosen : [chosen];
}

function single(chosen: Chosen): string | undefined {
  return typeof chosen === 'string' ? chosen : Array.isArray(chosen) ? chosen[0] : undefined;
}

function initial(element: JsonObject, key: string, empty: unknown): unknown {
  return element[key] === undefined ? empty : structuredClone(element[key]);
}

function textValue(element: JsonObject, chosen: Chosen): JsonObject {
  return { value: single(chosen) ?? initial(element, 'initial_value', null) };
}

function oneOption(element: JsonObject, chosen: Chosen): JsonObject {
  const value = single(chosen);
  return {
    selected_option: value === undefined ? initial(element, 'initial_option', null) : optionWithValue(element, value),
  };
}

function manyOptions(element: JsonObject, chosen: Chosen): JsonObject {
  if (chosen === true) return { selected_options: allOptions(element).map((option) => structuredClone(option)) };
  if (chosen === false) return { selected_options: [] };
  const values = list(chosen);
  const options = values?.map((value) => optionWithValue(element, value));
  return { selected_options: options ?? initial(element, 'initial_options', []) };
}

function picked(key: string, initialKey: string, many: boolean) {
  return (element: JsonObject, chosen: Chosen): JsonObject => {
    const value = many ? list(chosen) : single(chosen);
    return { [key]: value ?? initial(element, initialKey, many ? [] : null) };
  };
}

function richText(element: JsonObject, chosen: Chosen): JsonObject {
  const text = single(chosen);
  if (text === undefined) return { rich_text_value: initial(element, 'initial_value', null) };
  const section = { type: 'rich_text_section', elements: [{ type: 'text', text }] };
  return { rich_text_value: { type: 'rich_text', elements: [section] } };
}

function dateTime(element: JsonObject, chosen: Chosen): JsonObject {
  const value = single(chosen);
  return { selected_date_time: value === undefined ? initial(element, 'initial_date_time', null) : Number(value) };
}

function externalOption(element: JsonObject, chosen: Chosen): JsonObject {
  const value = single(chosen);
  if (value === undefined) return { selected_option: initial(element, 'initial_option', null) };
  return { selected_option: { text: { type: 'plain_text', text: value }, value } };
}

const BUILDERS: Record<string, (element: JsonObject, chosen: Chosen) => JsonObject> = {
  plain_text_input: textValue,
  url_text_input: textValue,
  email_text_input: textValue,
  number_input: textValue,
  static_select: oneOption,
  radio_buttons: oneOption,
  overflow: oneOption,
  external_select: externalOption,
  multi_static_select: manyOptions,
  checkboxes: manyOptions,
  users_select: picked('selected_user', 'initial_user', false),
  multi_users_select: picked('selected_users', 'initial_users', true),
  conversations_select: picked('selected_conversation', 'initial_conversation', false),
  multi_conversations_select: picked('selected_conversations', 'initial_conversations', true),
  channels_select: picked('selected_channel', 'initial_channel', false),
  multi_channels_select: picked('selected_channels', 'initial_channels', true),
  datepicker: picked('selected_date', 'initial_date', false),
  timepicker: picked('selected_time', 'initial_time', false),
  datetimepicker: dateTime,
  rich_text_input: richText,
  file_input: () => ({ files: [] }),
};

/** `{type, <value field>}` for an element, or undefined for elements that keep no state (buttons…). */
export function elementState(element: JsonObject, chosen: Chosen): JsonObject | undefined {
  const type = typeof element.type === 'string' ? element.type : '';
  const build = BUILDERS[type];
  return build ? { type, ...build(element, chosen) } : undefined;
}

/** True when a state value holds nothing (what Slack's client refuses for a required input). */
export function isEmptyState(state: JsonObject): boolean {
  return Object.entries(state).every(([key, value]) => {
    if (key === 'type') return true;
    return (
      value === null ||
      value === '' ||
      (Array.isArray(value) && value.length === 0) ||
      (isObject(value) && Object.keys(value).length === 0)
    );
  });
}
