/**
 * The Slack client's side of submitting a modal: collecting input values into view.state (refusing empty
 * required inputs like the client does), and applying the app's reply (close, errors, update, push, clear).
 */
import { blockKitProblems } from './block-kit-rules';
import { type Chosen, elementState, isEmptyState } from './element-state';
import { isObject, type JsonObject } from './json';
import type { StandInStore } from './stand-in-store';
import type { SlackView, StateValues } from './stand-in-types';

/** view.state.values for a submission: every input block, from the chosen values or the initial ones. */
export function submissionState(view: SlackView, values: Record<string, Chosen>, force: boolean): StateValues {
  const state: StateValues = structuredClone(view.state.values);
  const unused = new Set(Object.keys(values));
  const refused: string[] = [];
  for (const block of view.blocks.filter(isObject)) {
    const element = block.element;
    if (block.type !== 'input' || !isObject(element) || typeof block.block_id !== 'string') continue;
    const actionId = typeof element.action_id === 'string' ? element.action_id : '';
    unused.delete(actionId);
    const value = elementState(element, values[actionId]);
    if (!value) continue;
    state[block.block_id] = { ...state[block.block_id], [actionId]: value };
    const minLength = typeof element.min_length === 'number' ? element.min_length : 0;
    const text = typeof value.value === 'string' ? value.value : '';
    if (block.optional !== true && isEmptyState(value)) refused.push(`${actionId} is required`);
    else if (text !== '' && text.length < minLength) refused.push(`${actionId} needs at least ${minLength} characters`);
  }
  if (unused.size > 0) throw new Error(`submitView: the view has no input with action_id ${[...unused].join(', ')}`);
  if (refused.length > 0 && !force) {
    throw new Error(`Slack would not submit this view: ${refused.join('; ')} (pass { force: true } to send anyway)`);
  }
  return state;
}

function inputBlockIds(view: SlackView): string[] {
  return view.blocks
    .filter(isObject)
    .flatMap((block) => (block.type === 'input' && typeof block.block_id === 'string' ? [block.block_id] : []));
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isObject(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}

/** Applies the app's HTTP reply to a view_submission; returns the inline errors when it asked for them. */
export function applySubmissionReply(
  store: StandInStore,
  userId: string,
  view: SlackView,
  reply: { status: number; body: string; json?: JsonObject },
): Record<string, string> | undefined {
  const violation = (problem: string) => store.recordViolation('view_submission', [problem]);
  if (reply.status !== 200) return undefined;
  const action = reply.json?.response_action;
  if (reply.json === undefined && reply.body.trim() !== '')
    violation(`response is not JSON: ${reply.body.slice(0, 80)}`);
  else if (action === undefined) store.views.clear(userId);
  else if (action === 'clear') store.views.clear(userId);
  else if (action === 'errors') {
    const errors = stringRecord(reply.json?.errors);
    const inputs = inputBlockIds(view);
    for (const key of Object.keys(errors)) {
      if (!inputs.includes(key)) violation(`errors.${key}: not the block_id of an input block in the view`);
    }
    return errors;
  } else if (action === 'update' || action === 'push') {
    const next = reply.json?.view;
    const problems = blockKitProblems('modal', next);
    if (problems.length > 0 || !isObject(next)) store.recordViolation(`view_submission:${action}`, problems);
    else if (action === 'update') store.views.update(view, next);
    else if (store.views.push(userId, next) === 'push_limit_reached') violation('push: push_limit_reached');
  } else {
    violation(`unknown response_action ${JSON.stringify(action)}`);
  }
  return undefined;
}
