import { isRecord, str } from './block-data';
import { Html, html } from './html';
import { type Names, renderMrkdwn, renderPlain } from './mrkdwn';

/** Where blocks are shown: it decides whether inputs act at once or wait for a modal's submit. */
export type Surface = 'message' | 'ephemeral' | 'modal' | 'home';

/** What a value a user entered is: one string (text, select, radio, date) or several (multi selects, checkboxes). */
export type EnteredValue = string | string[];

export interface RenderContext {
  names: Names;
  surface: Surface;
  /** Inline errors by block id, as a `response_action: errors` carries them. */
  errors?: Record<string, string>;
  /** What the user has entered so far, by `valueKey(blockId, actionId)`; it wins over initial values. */
  values?: Record<string, EnteredValue>;
  /** Distinguishes same-named controls of different messages or views on one page (radio groups). */
  scope?: string;
}

/** The key of an entered value: action ids are unique within a block, as in Slack's `state.values`. */
export function valueKey(blockId: string, actionId: string): string {
  return `${blockId}/${actionId}`;
}

export function enteredValue(ctx: RenderContext, blockId: string, actionId: string): EnteredValue | undefined {
  const key = valueKey(blockId, actionId);
  return ctx.values && Object.hasOwn(ctx.values, key) ? ctx.values[key] : undefined;
}

export function lookupError(ctx: RenderContext, blockId: string): string | undefined {
  return ctx.errors && Object.hasOwn(ctx.errors, blockId) ? ctx.errors[blockId] : undefined;
}

/** A text object as HTML: mrkdwn rendered, plain_text escaped; anything else renders nothing. */
export function renderText(value: unknown, ctx: RenderContext): Html {
  if (!isRecord(value)) return html``;
  const text = str(value, 'text') ?? '';
  if (str(value, 'type') === 'mrkdwn') return new Html(renderMrkdwn(text, ctx.names));
  return new Html(renderPlain(text, value.emoji !== false));
}

/** A text object's words for places that only take text (option labels, attribute values). */
export function textContent(value: unknown): string {
  return isRecord(value) ? (str(value, 'text') ?? '') : '';
}
