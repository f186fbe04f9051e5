import type {
  ActionsBlock,
  ActionsBlockElement,
  Button,
  ContextBlock,
  DividerBlock,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
  SectionBlockAccessory,
} from '@slack/types';
import { cleanText, cutText } from '../../domain/clean-text';
import { safeChatLine, safeChatText } from '../../domain/safe-text';

/**
 * Block Kit text objects, with user text made inert and cut to the limits Slack enforces. User
 * text was cleaned where it entered (clean-text.ts); plain text is cleaned here again, cheaply,
 * because Slack shows it exactly as sent: a bidi override in a header or a modal's context line
 * would reorder it on screen. Mrkdwn goes through userLine / userText, which clean and escape.
 */

/** At most `max` UTF-16 units with an ellipsis, never cutting an emoji (a surrogate pair) in half. */
export function truncate(text: string, max: number): string {
  return cutText(text, max);
}

/** Plain text as Slack shows it: cleaned, then cut. App text is unchanged by the cleaning. */
export function plain(text: string, max = 3000): PlainTextElement {
  return { type: 'plain_text', text: truncate(cleanText(text), max), emoji: true };
}

/** User text as the initial value of an input: cleaned (never echoing a control back), then cut. */
export function inputText(text: string, max = 3000): string {
  return truncate(cleanText(text), max);
}

export function mrkdwn(text: string, max = 3000): MrkdwnElement {
  return { type: 'mrkdwn', text: truncate(text, max) };
}

/** User text inside mrkdwn: escaped, no mentions, no links; one line. */
export function userLine(text: string, max = 300): string {
  return truncate(safeChatLine(text), max);
}

/** User text inside mrkdwn, keeping its line breaks. */
export function userText(text: string, max = 2000): string {
  return truncate(safeChatText(text), max);
}

/** A mention of a Slack user we know by id (ids are validated by the model schema). */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : 'someone';
}

export function section(text: string, accessory?: SectionBlockAccessory): SectionBlock {
  return { type: 'section', text: mrkdwn(text), ...(accessory && { accessory }) };
}

export function context(...texts: string[]): ContextBlock {
  return { type: 'context', elements: texts.slice(0, 10).map((text) => mrkdwn(text, 2000)) };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return { type: 'button', text: plain(text, 75), action_id: actionId, value, ...(style && { style }) };
}

/** The menu option on a threat or mitigation that proposes it for the organisation's catalog. */
export const PROPOSE_LABEL = 'Propose for the catalog';

export function option(text: string, value: string, description?: string): PlainTextOption {
  return {
    text: plain(text, 75),
    value: truncate(value, 150),
    ...(description && { description: plain(description, 75) }),
  };
}

export const divider: DividerBlock = { type: 'divider' };

/** A row of buttons (or other interactive elements) under one block id. */
export function actions(blockId: string, elements: ActionsBlockElement[]): ActionsBlock {
  return { type: 'actions', block_id: blockId, elements };
}
