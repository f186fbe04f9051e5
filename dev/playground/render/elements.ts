import { bool, type Json, num, rec, str, textOf } from './block-data';
import { type Choice, choiceGroups, initialValues } from './choices';
import { enteredValue, type RenderContext, renderText, textContent } from './context';
import { attrs, type Html, html } from './html';
import { isHttpUrl } from './mrkdwn';

/** Where an element sits: its block's id, and whether choosing in it sends an action at once. */
export interface Placement {
  blockId: string;
  /** False for elements of input blocks (without dispatch_action): their values wait for submit. */
  dispatch: boolean;
}

const MULTI_KINDS = new Set([
  'multi_static_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
  'multi_external_select',
]);
const SELECT_KINDS = new Set([
  'static_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'external_select',
]);
const TEXT_INPUTS: Record<string, string> = {
  plain_text_input: 'text',
  url_text_input: 'url',
  email_text_input: 'email',
  number_input: 'number',
  datepicker: 'date',
  timepicker: 'time',
};

/** An image URL the page may load: http(s), or a path on the playground's own server. */
export function isImageUrl(url: string): boolean {
  return isHttpUrl(url) || /^\/(?!\/)[^\s"'`<>\\]*$/.test(url);
}

/** A confirm object reduced to the text the DOM layer shows in its dialog. */
function confirmJson(element: Json): string | undefined {
  const confirm = rec(element, 'confirm');
  if (!confirm) return undefined;
  return JSON.stringify({
    title: textOf(confirm, 'title') ?? 'Are you sure?',
    text: { type: str(rec(confirm, 'text'), 'type') ?? 'plain_text', text: textOf(confirm, 'text') ?? '' },
    confirm: textOf(confirm, 'confirm') ?? 'Yes',
    deny: textOf(confirm, 'deny') ?? 'Cancel',
    style: str(confirm, 'style') ?? 'primary',
  });
}

/** The data attributes the DOM layer acts on. */
function hooks(element: Json, place: Placement, extra: Record<string, string | boolean | undefined> = {}): Html {
  return attrs({
    'data-kind': str(element, 'type') ?? '',
    'data-action-id': str(element, 'action_id') ?? '',
    'data-block-id': place.blockId,
    'data-dispatch': place.dispatch,
    'data-confirm': confirmJson(element),
    ...extra,
  });
}

function chosen(element: Json, place: Placement, ctx: RenderContext): string[] {
  const entered = enteredValue(ctx, place.blockId, str(element, 'action_id') ?? '');
  if (entered === undefined) return initialValues(element);
  return Array.isArray(entered) ? entered : [entered];
}

function button(element: Json, place: Placement, ctx: RenderContext): Html {
  const style = str(element, 'style');
  const url = str(element, 'url');
  const extra = {
    'data-value': str(element, 'value'),
    'data-url': url && isHttpUrl(url) ? url : undefined,
    'aria-label': str(element, 'accessibility_label'),
  };
  return html`<button type="button" class="btn${style === 'primary' || style === 'danger' ? ` btn-${style}` : ''}"${hooks(element, place, extra)}>${renderText(rec(element, 'text'), ctx)}</button>`;
}

function optionTags(element: Json, ctx: RenderContext, selected: string[], skip: string[] = []): Html[] {
  const option = (choice: Choice) =>
    skip.includes(choice.value)
      ? html``
      : html`<option${attrs({ value: choice.value, selected: selected.includes(choice.value) })}>${textContent(choice.text)}</option>`;
  return choiceGroups(element, ctx).map((group) =>
    group.label === undefined
      ? html`${group.choices.map(option)}`
      : html`<optgroup label="${group.label}">${group.choices.map(option)}</optgroup>`,
  );
}

function select(element: Json, place: Placement, ctx: RenderContext): Html {
  const selected = chosen(element, place, ctx).slice(0, 1);
  const placeholder = textOf(element, 'placeholder') ?? 'Select an item';
  const empty = selected.length === 0 || selected[0] === '';
  return html`<select class="select"${hooks(element, place, { 'aria-label': placeholder })}>
<option value=""${attrs({ selected: empty, disabled: true })}>${placeholder}</option>${optionTags(element, ctx, selected)}</select>`;
}

/** Chips for what is chosen, and a select that adds one more, like Slack's multi-select. */
function multiSelect(element: Json, place: Placement, ctx: RenderContext): Html {
  const selected = chosen(element, place, ctx).filter((value) => value !== '');
  const choices = choiceGroups(element, ctx).flatMap((group) => group.choices);
  const label = (value: string) => textContent(choices.find((choice) => choice.value === value)?.text) || value;
  const placeholder = textOf(element, 'placeholder') ?? 'Select items';
  const full = selected.length >= (num(element, 'max_selected_items') ?? Number.POSITIVE_INFINITY);
  const chips = selected.map(
    (value) =>
      html`<span class="chip">${label(value)}<button type="button" class="chip-remove"${attrs({ 'data-remove': value, 'aria-label': `Remove ${label(value)}` })}>×</button></span>`,
  );
  const add = full
    ? html``
    : html`<select class="select multi-add" aria-label="${placeholder}"><option value="" selected disabled>${selected.length > 0 ? 'Add more…' : placeholder}</option>${optionTags(element, ctx, [], selected)}</select>`;
  return html`<div class="multi"${hooks(element, place, { 'data-selected': JSON.stringify(selected) })}>${chips}${add}</div>`;
}

function overflow(element: Json, place: Placement, ctx: RenderContext): Html {
  const items = choiceGroups(element, ctx).flatMap((group) => group.choices);
  return html`<details class="overflow"${hooks(element, place)}><summary class="overflow-button" aria-label="More actions">⋯</summary><div class="overflow-menu">${items.map(
    (item) =>
      html`<button type="button" class="overflow-item"${attrs({ 'data-option-value': item.value })}>${textContent(item.text)}</button>`,
  )}</div></details>`;
}

function choiceList(element: Json, place: Placement, ctx: RenderContext, type: 'checkbox' | 'radio'): Html {
  const selected = chosen(element, place, ctx);
  const name = `${ctx.scope ?? ctx.surface}:${place.blockId}:${str(element, 'action_id') ?? ''}`;
  const items = choiceGroups(element, ctx).flatMap((group) => group.choices);
  return html`<div class="choices"${hooks(element, place, { role: type === 'radio' ? 'radiogroup' : 'group' })}>${items.map(
    (item) =>
      html`<label class="choice"><input${attrs({ type, name, value: item.value, checked: selected.includes(item.value) })}><span class="choice-text">${renderText(item.text, ctx)}${item.description ? html`<span class="choice-description">${renderText(item.description, ctx)}</span>` : ''}</span></label>`,
  )}</div>`;
}

function textInput(element: Json, place: Placement, ctx: RenderContext): Html {
  const type = str(element, 'type') ?? '';
  const entered = enteredValue(ctx, place.blockId, str(element, 'action_id') ?? '');
  const initial = str(
    element,
    type === 'datepicker' ? 'initial_date' : type === 'timepicker' ? 'initial_time' : 'initial_value',
  );
  const value = typeof entered === 'string' ? entered : (initial ?? '');
  const common = {
    class: `text-input${type === 'datepicker' || type === 'timepicker' ? ' picker' : ''}`,
    placeholder: textOf(element, 'placeholder'),
    'aria-label': textOf(element, 'placeholder') ?? type,
    maxlength: num(element, 'max_length'),
    minlength: num(element, 'min_length'),
    min: str(element, 'min_value'),
    max: str(element, 'max_value'),
    step: type === 'number_input' ? (bool(element, 'is_decimal_allowed') ? 'any' : '1') : undefined,
  };
  // Text inputs never act on their own here; only the kinds the playground API takes do (datepicker).
  const textPlace = { ...place, dispatch: place.dispatch && type === 'datepicker' };
  if (type === 'plain_text_input' && bool(element, 'multiline')) {
    return html`<textarea rows="4"${attrs(common)}${hooks(element, textPlace)}>${value}</textarea>`;
  }
  return html`<input${attrs({ type: TEXT_INPUTS[type] ?? 'text', value, ...common })}${hooks(element, textPlace)}>`;
}

function image(element: Json): Html {
  const url = str(element, 'image_url') ?? '';
  const alt = str(element, 'alt_text') ?? '';
  return isImageUrl(url)
    ? html`<img class="element-image"${attrs({ src: url, alt, loading: 'lazy' })}>`
    : html`<span class="unsupported">[image: ${alt}]</span>`;
}

/** Any block element: interactive ones carry the data attributes the DOM layer uses to act. */
export function renderElement(element: Json, place: Placement, ctx: RenderContext): Html {
  const type = str(element, 'type') ?? '';
  if (type === 'button') return button(element, place, ctx);
  if (SELECT_KINDS.has(type)) return select(element, place, ctx);
  if (MULTI_KINDS.has(type)) return multiSelect(element, place, ctx);
  if (type === 'overflow') return overflow(element, place, ctx);
  if (type === 'checkboxes') return choiceList(element, place, ctx, 'checkbox');
  if (type === 'radio_buttons') return choiceList(element, place, ctx, 'radio');
  if (Object.hasOwn(TEXT_INPUTS, type)) return textInput(element, place, ctx);
  if (type === 'image') return image(element);
  if (type === 'plain_text' || type === 'mrkdwn') return html`<span>${renderText(element, ctx)}</span>`;
  return html`<span class="unsupported">Unsupported element: ${type || 'unknown'}</span>`;
}
