import type { EnteredValue } from '../render/context';

/** Element types whose value Slack keeps in a view's state (buttons and overflow menus only act). */
const STATEFUL = new Set([
  'plain_text_input',
  'url_text_input',
  'email_text_input',
  'number_input',
  'datepicker',
  'timepicker',
  'static_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'external_select',
  'multi_static_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
  'multi_external_select',
  'checkboxes',
  'radio_buttons',
]);

export function isStateful(control: HTMLElement): boolean {
  return STATEFUL.has(control.dataset.kind ?? '');
}

function selectedList(control: HTMLElement): string[] {
  try {
    const parsed: unknown = JSON.parse(control.dataset.selected ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((value): value is string => typeof value === 'string') : [];
  } catch {
    return [];
  }
}

/** The current value of a control the renderer drew (an element with `data-kind`). */
export function readControl(control: HTMLElement): EnteredValue | undefined {
  const kind = control.dataset.kind ?? '';
  if (kind.startsWith('multi_')) return selectedList(control);
  if (kind === 'checkboxes') {
    return [...control.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]
      .filter((box) => box.checked)
      .map((box) => box.value);
  }
  if (kind === 'radio_buttons') {
    return control.querySelector<HTMLInputElement>('input[type="radio"]:checked')?.value ?? '';
  }
  if (
    control instanceof HTMLInputElement ||
    control instanceof HTMLTextAreaElement ||
    control instanceof HTMLSelectElement
  ) {
    return control.value;
  }
  return undefined;
}

/** The control an event happened in: the element itself, or the group (checkboxes, multi select) around it. */
export function controlOf(target: EventTarget | null): HTMLElement | undefined {
  return target instanceof Element ? (target.closest<HTMLElement>('[data-kind]') ?? undefined) : undefined;
}

/** Kinds that hold one option: an empty value means nothing chosen, which a submission leaves out. */
const SINGLE_CHOICE = new Set([
  'static_select',
  'external_select',
  'radio_buttons',
  'users_select',
  'conversations_select',
  'channels_select',
  'datepicker',
  'timepicker',
]);

/**
 * What a view submission carries, by action id: the controls of input blocks (Slack's
 * `view.state.values` for them), without single choices left empty.
 */
export function collectValues(container: HTMLElement): Record<string, EnteredValue> {
  const values: Record<string, EnteredValue> = {};
  for (const control of container.querySelectorAll<HTMLElement>('.block-input [data-kind][data-action-id]')) {
    const actionId = control.dataset.actionId;
    const value = isStateful(control) ? readControl(control) : undefined;
    if (!actionId || value === undefined) continue;
    if (value === '' && SINGLE_CHOICE.has(control.dataset.kind ?? '')) continue;
    values[actionId] = value;
  }
  return values;
}

/** Required input blocks left empty, by block id, with Slack's own words; Slack does not submit those. */
export function missingRequired(container: HTMLElement): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const block of container.querySelectorAll<HTMLElement>('.block-input[data-required]')) {
    const control = block.querySelector<HTMLElement>('[data-kind][data-action-id]');
    const value = control && isStateful(control) ? readControl(control) : undefined;
    const empty = value === undefined || (Array.isArray(value) ? value.length === 0 : value.trim() === '');
    if (empty && block.dataset.blockId) missing[block.dataset.blockId] = 'Please complete this required field.';
  }
  return missing;
}

/** Replaces a multi select's chosen values (the renderer draws the chips from the entered values). */
export function setMultiSelected(control: HTMLElement, values: string[]): void {
  control.dataset.selected = JSON.stringify(values);
}
