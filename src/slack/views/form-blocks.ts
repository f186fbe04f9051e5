import type { InputBlock, InputBlockElement, SectionBlock } from '@slack/types';
import { type Field, type FormContext, initialValue, isGrouped } from '../forms/field';
import { SLACK_TEXT_INPUT_MAX, textInputMax } from '../forms/input-limits';
import { inputText, option, plain } from './text';

const MAX_OPTIONS = 100;

function element(
  field: Field,
  context: FormContext,
  initial: string | string[] | undefined,
): InputBlockElement | undefined {
  const base = { action_id: field.name };
  const placeholder = field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {};
  switch (field.type) {
    case 'text':
    case 'multiline':
      return {
        ...base,
        type: 'plain_text_input',
        multiline: field.type === 'multiline',
        ...(field.maxLength && { max_length: textInputMax(field.maxLength) }),
        ...(typeof initial === 'string' &&
          initial !== '' && {
            initial_value: inputText(initial, textInputMax(field.maxLength ?? SLACK_TEXT_INPUT_MAX)),
          }),
        ...placeholder,
      };
    case 'user':
      return {
        ...base,
        type: 'users_select',
        ...(typeof initial === 'string' && initial !== '' && { initial_user: initial }),
        ...placeholder,
      };
    case 'url':
      return {
        ...base,
        type: 'url_text_input',
        ...(typeof initial === 'string' && initial !== '' && { initial_value: inputText(initial) }),
        ...placeholder,
      };
    case 'select':
    case 'multiselect':
    case 'radio':
    case 'checkboxes': {
      const choices = field.choices?.(context) ?? [];
      const groups = isGrouped(choices) ? choices : undefined;
      // Groups hold up to 100 options each (and up to 100 groups); a flat list holds 100.
      const flat = groups
        ? groups.slice(0, MAX_OPTIONS).flatMap((g) => g.choices.slice(0, MAX_OPTIONS))
        : (choices as { text: string; value: string }[]).slice(0, MAX_OPTIONS);
      if (flat.length === 0) return undefined;
      const selected = flat.filter((c) => (Array.isArray(initial) ? initial.includes(c.value) : c.value === initial));
      const toOption = (c: { text: string; value: string }) => option(c.text, c.value);
      if (field.type === 'checkboxes') {
        return {
          ...base,
          type: 'checkboxes',
          options: flat.slice(0, 10).map(toOption),
          ...(selected.length > 0 && { initial_options: selected.map(toOption) }),
        };
      }
      if (field.type === 'radio') {
        return {
          ...base,
          type: 'radio_buttons',
          options: flat.slice(0, 10).map(toOption),
          ...(selected[0] && { initial_option: toOption(selected[0]) }),
        };
      }
      const options = groups
        ? {
            option_groups: groups.map((g) => ({
              label: plain(g.label, 75),
              options: g.choices.slice(0, MAX_OPTIONS).map(toOption),
            })),
          }
        : { options: flat.map(toOption) };
      if (field.type === 'multiselect') {
        return {
          ...base,
          type: 'multi_static_select',
          ...options,
          ...(field.maxSelected && { max_selected_items: field.maxSelected }),
          ...(selected.length > 0 && { initial_options: selected.map(toOption) }),
          ...placeholder,
        };
      }
      return {
        ...base,
        type: 'static_select',
        ...options,
        ...(selected[0] && { initial_option: toOption(selected[0]) }),
        ...placeholder,
      };
    }
  }
}

/** Input blocks for fields, with values from an existing object; a choice with nothing to choose becomes a note. */
export function fieldBlocks(
  fields: readonly Field[],
  context: FormContext,
  existing?: object,
): (InputBlock | SectionBlock)[] {
  return fields.map((field): InputBlock | SectionBlock => {
    const input = element(field, context, initialValue(existing, field));
    if (!input) {
      return {
        type: 'section',
        block_id: field.name,
        text: plain(`${field.label}: nothing to choose from yet.${field.hint ? ` ${field.hint}` : ''}`),
      };
    }
    return {
      type: 'input',
      block_id: field.name,
      label: plain(field.label, 2000),
      element: input,
      optional: field.optional ?? false,
      ...(field.hint && { hint: plain(field.hint, 2000) }),
    };
  });
}
