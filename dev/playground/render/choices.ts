import { isRecord, type Json, rec, recs, str, strs } from './block-data';
import type { RenderContext } from './context';

/** One option of a select, checkbox group, radio group or overflow menu. */
export interface Choice {
  value: string;
  /** The option's text object (plain_text, or mrkdwn where Slack allows it). */
  text: Json | undefined;
  description: Json | undefined;
}

export interface ChoiceGroup {
  label: string | undefined;
  choices: Choice[];
}

function toChoice(option: Json): Choice {
  return { value: str(option, 'value') ?? '', text: rec(option, 'text'), description: rec(option, 'description') };
}

function named(table: Record<string, string>): Choice[] {
  return Object.entries(table)
    .sort(([, a], [, b]) => a.localeCompare(b))
    .map(([id, name]) => ({ value: id, text: { type: 'plain_text', text: name }, description: undefined }));
}

/** The options an element offers: its own (flat or grouped), or the workspace's users or channels. */
export function choiceGroups(element: Json, ctx: RenderContext): ChoiceGroup[] {
  const type = str(element, 'type') ?? '';
  if (type.endsWith('users_select')) return [{ label: undefined, choices: named(ctx.names.users) }];
  if (type.endsWith('conversations_select') || type.endsWith('channels_select')) {
    return [{ label: undefined, choices: named(ctx.names.channels) }];
  }
  const groups = recs(element, 'option_groups');
  if (groups.length > 0) {
    return groups.map((group) => ({
      label: str(rec(group, 'label'), 'text'),
      choices: recs(group, 'options').map(toChoice),
    }));
  }
  return [{ label: undefined, choices: recs(element, 'options').map(toChoice) }];
}

/** The values an element starts with, from whichever `initial_*` field its type uses. */
export function initialValues(element: Json): string[] {
  const one = (key: string) => {
    const value = element[key];
    if (typeof value === 'string') return [value];
    return isRecord(value) && typeof value.value === 'string' ? [value.value] : [];
  };
  return [
    ...one('initial_option'),
    ...recs(element, 'initial_options').map((option) => str(option, 'value') ?? ''),
    ...one('initial_user'),
    ...strs(element, 'initial_users'),
    ...one('initial_conversation'),
    ...strs(element, 'initial_conversations'),
    ...one('initial_channel'),
    ...strs(element, 'initial_channels'),
  ];
}
