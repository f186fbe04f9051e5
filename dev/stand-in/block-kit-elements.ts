/** Block elements (buttons, menus, inputs…): where each type may appear and what it must contain. */
import {
  type Checker,
  checkBoolean,
  checkConfirm,
  checkCount,
  checkOneOf,
  checkOptionList,
  checkString,
  checkText,
  eachObject,
} from './block-kit-checks';
import { isObject, type JsonObject, objectsAt } from './json';

/** Where an element sits: an actions block, a section accessory or an input block. */
export type Place = 'actions' | 'accessory' | 'input';

interface ElementRule {
  places: readonly Place[];
  check: (check: Checker, element: JsonObject, path: string) => void;
}

const ALL: readonly Place[] = ['actions', 'accessory', 'input'];
const CLICKABLE: readonly Place[] = ['actions', 'accessory'];

function placeholder(check: Checker, element: JsonObject, path: string): void {
  checkText(check, element.placeholder, `${path}.placeholder`, { max: 150, plainOnly: true });
}

function checkButton(check: Checker, element: JsonObject, path: string): void {
  checkText(check, element.text, `${path}.text`, { max: 75, plainOnly: true, required: true });
  checkString(check, element.value, `${path}.value`, { max: 2000 });
  checkString(check, element.url, `${path}.url`, { max: 3000 });
  checkString(check, element.accessibility_label, `${path}.accessibility_label`, { max: 75 });
  checkOneOf(check, element.style, `${path}.style`, ['primary', 'danger']);
  checkConfirm(check, element.confirm, `${path}.confirm`);
}

function optionValues(element: JsonObject): string[] {
  const options = [
    ...objectsAt(element, 'options'),
    ...objectsAt(element, 'option_groups').flatMap((group) => objectsAt(group, 'options')),
  ];
  return options.map((option) => String(option.value));
}

function checkInitialOptions(check: Checker, element: JsonObject, path: string): void {
  const values = optionValues(element);
  const initial = isObject(element.initial_option) ? [element.initial_option] : objectsAt(element, 'initial_options');
  const key = isObject(element.initial_option) ? 'initial_option' : 'initial_options';
  for (const option of initial) {
    if (!values.includes(String(option.value)))
      check.add(`${path}.${key}`, `value ${JSON.stringify(option.value)} is not one of the options`);
  }
}

function checkStaticSelect(check: Checker, element: JsonObject, path: string): void {
  placeholder(check, element, path);
  confirmAndFocus(check, element, path);
  if (element.options !== undefined && element.option_groups !== undefined) {
    check.add(path, 'has both options and option_groups');
  } else if (element.option_groups !== undefined) {
    checkCount(check, element.option_groups, `${path}.option_groups`, { min: 1, max: 100 });
    for (const { item: group, path: groupPath } of eachObject(check, element.option_groups, `${path}.option_groups`)) {
      checkText(check, group.label, `${groupPath}.label`, { max: 75, plainOnly: true, required: true });
      checkOptionList(check, group.options, `${groupPath}.options`, { min: 1, max: 100, allowMrkdwn: false });
    }
  } else {
    checkOptionList(check, element.options, `${path}.options`, { min: 1, max: 100, allowMrkdwn: false });
  }
  checkInitialOptions(check, element, path);
  if (element.max_selected_items !== undefined && !(Number(element.max_selected_items) >= 1)) {
    check.add(`${path}.max_selected_items`, 'must be at least 1');
  }
}

function confirmAndFocus(check: Checker, element: JsonObject, path: string): void {
  checkConfirm(check, element.confirm, `${path}.confirm`);
  checkBoolean(check, element.focus_on_load, `${path}.focus_on_load`);
}

function checkOtherSelect(check: Checker, element: JsonObject, path: string): void {
  placeholder(check, element, path);
  confirmAndFocus(check, element, path);
}

function checkChoices(check: Checker, element: JsonObject, path: string): void {
  checkOptionList(check, element.options, `${path}.options`, { min: 1, max: 10, allowMrkdwn: true });
  checkInitialOptions(check, element, path);
  confirmAndFocus(check, element, path);
}

function checkOverflow(check: Checker, element: JsonObject, path: string): void {
  checkOptionList(check, element.options, `${path}.options`, { min: 2, max: 5, allowMrkdwn: false });
  checkConfirm(check, element.confirm, `${path}.confirm`);
}

function checkPlainTextInput(check: Checker, element: JsonObject, path: string): void {
  placeholder(check, element, path);
  const max = element.max_length === undefined ? 3000 : Number(element.max_length);
  if (!(Number.isInteger(max) && max >= 1 && max <= 3000)) check.add(`${path}.max_length`, 'must be 1..3000');
  const min = element.min_length === undefined ? 0 : Number(element.min_length);
  if (!(Number.isInteger(min) && min >= 0 && min <= 3000)) check.add(`${path}.min_length`, 'must be 0..3000');
  else if (min > max) check.add(`${path}.min_length`, `${min} is more than max_length ${max}`);
  checkString(check, element.initial_value, `${path}.initial_value`, { max });
  checkBoolean(check, element.multiline, `${path}.multiline`);
}

function checkTextLikeInput(check: Checker, element: JsonObject, path: string): void {
  placeholder(check, element, path);
  checkString(check, element.initial_value, `${path}.initial_value`, { max: 3000 });
}

function checkNumberInput(check: Checker, element: JsonObject, path: string): void {
  checkTextLikeInput(check, element, path);
  if (typeof element.is_decimal_allowed !== 'boolean') check.add(`${path}.is_decimal_allowed`, 'required boolean');
}

function checkDatepicker(check: Checker, element: JsonObject, path: string): void {
  placeholder(check, element, path);
  confirmAndFocus(check, element, path);
  const date = element.initial_date;
  if (date !== undefined && !(typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date))) {
    check.add(`${path}.initial_date`, 'must be YYYY-MM-DD');
  }
}

function checkTimepicker(check: Checker, element: JsonObject, path: string): void {
  placeholder(check, element, path);
  confirmAndFocus(check, element, path);
  const time = element.initial_time;
  if (time !== undefined && !(typeof time === 'string' && /^\d{2}:\d{2}$/.test(time))) {
    check.add(`${path}.initial_time`, 'must be HH:mm');
  }
}

export function checkImageElement(check: Checker, element: JsonObject, path: string): void {
  if (element.image_url === undefined && element.slack_file === undefined) check.add(`${path}.image_url`, 'required');
  checkString(check, element.image_url, `${path}.image_url`, { max: 3000, min: 1 });
  checkString(check, element.alt_text, `${path}.alt_text`, { max: 2000, min: 1, required: true });
}

function checkFileInput(check: Checker, element: JsonObject, path: string): void {
  const maxFiles = element.max_files === undefined ? 10 : Number(element.max_files);
  if (!(maxFiles >= 1 && maxFiles <= 10)) check.add(`${path}.max_files`, 'must be 1..10');
}

function checkWorkflowButton(check: Checker, element: JsonObject, path: string): void {
  checkText(check, element.text, `${path}.text`, { max: 75, plainOnly: true, required: true });
  if (!isObject(element.workflow)) check.add(`${path}.workflow`, 'required');
}

/** Every element type the validator knows, with the places Slack accepts it. */
export const ELEMENT_RULES: Record<string, ElementRule> = {
  button: { places: CLICKABLE, check: checkButton },
  workflow_button: { places: CLICKABLE, check: checkWorkflowButton },
  overflow: { places: CLICKABLE, check: checkOverflow },
  image: { places: ['accessory'], check: checkImageElement },
  static_select: { places: ALL, check: checkStaticSelect },
  multi_static_select: { places: ALL, check: checkStaticSelect },
  external_select: { places: ALL, check: checkOtherSelect },
  multi_external_select: { places: ALL, check: checkOtherSelect },
  users_select: { places: ALL, check: checkOtherSelect },
  multi_users_select: { places: ALL, check: checkOtherSelect },
  conversations_select: { places: ALL, check: checkOtherSelect },
  multi_conversations_select: { places: ALL, check: checkOtherSelect },
  channels_select: { places: ALL, check: checkOtherSelect },
  multi_channels_select: { places: ALL, check: checkOtherSelect },
  checkboxes: { places: ALL, check: checkChoices },
  radio_buttons: { places: ALL, check: checkChoices },
  datepicker: { places: ALL, check: checkDatepicker },
  timepicker: { places: ALL, check: checkTimepicker },
  datetimepicker: { places: ['actions', 'input'], check: confirmAndFocus },
  plain_text_input: { places: ['input'], check: checkPlainTextInput },
  url_text_input: { places: ['input'], check: checkTextLikeInput },
  email_text_input: { places: ['input'], check: checkTextLikeInput },
  number_input: { places: ['input'], check: checkNumberInput },
  rich_text_input: { places: ['input'], check: placeholder },
  file_input: { places: ['input'], check: checkFileInput },
};

/** Checks one element at `path` for a given place (type known and allowed there, then its own rule). */
export function checkElement(check: Checker, element: unknown, path: string, place: Place): void {
  if (!isObject(element)) {
    check.add(path, 'must be an element object');
    return;
  }
  const type = typeof element.type === 'string' ? element.type : '';
  const rule = ELEMENT_RULES[type];
  if (!rule) {
    check.add(`${path}.type`, `unknown element type ${JSON.stringify(element.type)}`);
    return;
  }
  if (!rule.places.includes(place)) {
    check.add(
      `${path}.type`,
      `${type} is not allowed in ${place === 'accessory' ? 'a section accessory' : `an ${place} block`}`,
    );
    return;
  }
  checkString(check, element.action_id, `${path}.action_id`, { max: 255, min: 1 });
  rule.check(check, element, path);
}
