/** Primitive Block Kit checks shared by the block and element rules. Each check appends problems to a Checker. */
import { isObject, type JsonObject } from './json';

export type TextType = 'plain_text' | 'mrkdwn';

/** Collects problems, each prefixed with the JSON path it is about. */
export class Checker {
  readonly problems: string[] = [];

  add(path: string, message: string): void {
    this.problems.push(`${path}: ${message}`);
  }
}

export function countOf(value: unknown): number {
  return Array.isArray(value) ? value.length : 0;
}

/** A string no longer than max (and, when min is given, no shorter). Absent is fine unless required. */
export function checkString(
  check: Checker,
  value: unknown,
  path: string,
  limits: { max: number; min?: number; required?: boolean },
): void {
  if (value === undefined) {
    if (limits.required) check.add(path, 'required');
    return;
  }
  if (typeof value !== 'string') {
    check.add(path, `must be a string, got ${typeof value}`);
    return;
  }
  if (value.length > limits.max) check.add(path, `${value.length} characters, more than ${limits.max}`);
  const min = limits.min ?? 0;
  if (value.length < min) check.add(path, min === 1 ? 'must be a non-empty string' : `fewer than ${min} characters`);
}

export function checkBoolean(check: Checker, value: unknown, path: string): void {
  if (value !== undefined && typeof value !== 'boolean') check.add(path, 'must be a boolean');
}

/** A text object `{type, text}`; `plainOnly` where Slack demands plain_text. */
export function checkText(
  check: Checker,
  value: unknown,
  path: string,
  rule: { max: number; plainOnly?: boolean; required?: boolean },
): void {
  if (value === undefined) {
    if (rule.required) check.add(path, 'required');
    return;
  }
  if (!isObject(value)) {
    check.add(path, 'must be a text object');
    return;
  }
  const allowed: TextType[] = rule.plainOnly ? ['plain_text'] : ['plain_text', 'mrkdwn'];
  if (!allowed.some((type) => type === value.type)) {
    check.add(`${path}.type`, `must be ${allowed.join(' or ')}, got ${JSON.stringify(value.type)}`);
  }
  checkString(check, value.text, `${path}.text`, { max: rule.max, min: 1, required: true });
}

/** An array with at most max (and at least min) items. */
export function checkCount(
  check: Checker,
  value: unknown,
  path: string,
  limits: { max: number; min?: number; required?: boolean },
): value is unknown[] {
  if (value === undefined) {
    if (limits.required) check.add(path, 'required');
    return false;
  }
  if (!Array.isArray(value)) {
    check.add(path, 'must be an array');
    return false;
  }
  if (value.length > limits.max) check.add(path, `${value.length} items, more than ${limits.max}`);
  const min = limits.min ?? 0;
  if (value.length < min) check.add(path, `${value.length} items, fewer than ${min}`);
  return true;
}

export function checkOneOf(check: Checker, value: unknown, path: string, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.some((option) => option === value)) {
    check.add(path, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
}

/** The objects of an array (non-objects reported), each with its path. */
export function eachObject(check: Checker, value: unknown, path: string): { item: JsonObject; path: string }[] {
  if (!Array.isArray(value)) return [];
  const items: { item: JsonObject; path: string }[] = [];
  value.forEach((item, index) => {
    const itemPath = `${path}[${index}]`;
    if (isObject(item)) items.push({ item, path: itemPath });
    else check.add(itemPath, 'must be an object');
  });
  return items;
}

/** The confirmation dialog object (`confirm`) of buttons and menus. */
export function checkConfirm(check: Checker, value: unknown, path: string): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    check.add(path, 'must be a confirm object');
    return;
  }
  checkText(check, value.title, `${path}.title`, { max: 100, plainOnly: true, required: true });
  checkText(check, value.text, `${path}.text`, { max: 300, required: true });
  checkText(check, value.confirm, `${path}.confirm`, { max: 30, plainOnly: true, required: true });
  checkText(check, value.deny, `${path}.deny`, { max: 30, plainOnly: true, required: true });
  checkOneOf(check, value.style, `${path}.style`, ['primary', 'danger']);
}

/** An option object; mrkdwn text is only allowed in checkboxes and radio buttons. */
export function checkOption(check: Checker, option: JsonObject, path: string, allowMrkdwn: boolean): void {
  checkText(check, option.text, `${path}.text`, { max: 75, plainOnly: !allowMrkdwn, required: true });
  checkString(check, option.value, `${path}.value`, { max: 150, min: 1, required: true });
  checkText(check, option.description, `${path}.description`, { max: 75, plainOnly: !allowMrkdwn });
  checkString(check, option.url, `${path}.url`, { max: 3000 });
}

export function checkOptionList(
  check: Checker,
  value: unknown,
  path: string,
  limits: { min: number; max: number; allowMrkdwn: boolean },
): void {
  if (!checkCount(check, value, path, { ...limits, required: true })) return;
  for (const { item, path: optionPath } of eachObject(check, value, path)) {
    checkOption(check, item, optionPath, limits.allowMrkdwn);
  }
}
