/**
 * A Block Kit validator for the stand-in: returns human-readable problems (empty = valid), each naming the
 * JSON path, e.g. `blocks[3].text.text: 3012 characters, more than 3000`. Limits follow the platform facts
 * (section C of the reference): Slack would answer `invalid_blocks` / `invalid_arguments` for these.
 */
import { checkBlocks } from './block-kit-blocks';
import { Checker, checkBoolean, checkString, checkText } from './block-kit-checks';
import { isObject, type JsonObject, objectsAt } from './json';

export type Surface = 'message' | 'modal' | 'home';

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  /** Undocumented: Slack answers msg_blocks_too_long at about 13.2k characters of text in blocks. */
  messageBlocksText: 13_000,
  viewBytes: 250_000,
} as const;

/** Marks the problem Slack reports as `msg_blocks_too_long` rather than `invalid_blocks`. */
export const BLOCKS_TOO_LONG = 'msg_blocks_too_long';
/** Marks the problem Slack reports as `view_too_large`. */
export const VIEW_TOO_LARGE = 'view_too_large';

/** Characters of text inside blocks: every string under a `text` key (text objects, rich text, markdown). */
export function blockTextLength(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + blockTextLength(item), 0);
  if (!isObject(value)) return 0;
  let total = 0;
  for (const [key, item] of Object.entries(value)) {
    total += key === 'text' && typeof item === 'string' ? item.length : blockTextLength(item);
  }
  return total;
}

function checkMessage(check: Checker, payload: JsonObject): void {
  const hasBlocks = Array.isArray(payload.blocks) && payload.blocks.length > 0;
  checkString(check, payload.text, 'text', { max: LIMITS.messageText, min: hasBlocks ? 0 : 1, required: !hasBlocks });
  if (payload.blocks === undefined) return;
  checkBlocks(check, payload.blocks, 'blocks', LIMITS.messageBlocks);
  const textLength = blockTextLength(payload.blocks);
  if (textLength > LIMITS.messageBlocksText) {
    check.add(
      'blocks',
      `${textLength} characters of text in blocks, more than ${LIMITS.messageBlocksText} (${BLOCKS_TOO_LONG})`,
    );
  }
}

function hasInputBlock(view: JsonObject): boolean {
  return objectsAt(view, 'blocks').some((block) => block.type === 'input');
}

function checkView(check: Checker, view: JsonObject, surface: 'modal' | 'home'): void {
  if (view.type !== surface) check.add('type', `must be "${surface}", got ${JSON.stringify(view.type)}`);
  if (surface === 'modal') {
    checkText(check, view.title, 'title', { max: 24, plainOnly: true, required: true });
    checkText(check, view.submit, 'submit', { max: 24, plainOnly: true });
    checkText(check, view.close, 'close', { max: 24, plainOnly: true });
    if (view.submit === undefined && hasInputBlock(view))
      check.add('submit', 'required when the view has input blocks');
    checkBoolean(check, view.notify_on_close, 'notify_on_close');
    checkBoolean(check, view.clear_on_close, 'clear_on_close');
  }
  checkString(check, view.private_metadata, 'private_metadata', { max: 3000 });
  checkString(check, view.callback_id, 'callback_id', { max: 255 });
  checkString(check, view.external_id, 'external_id', { max: 255 });
  if (view.blocks === undefined) check.add('blocks', 'required');
  else checkBlocks(check, view.blocks, 'blocks', LIMITS.viewBlocks);
  const bytes = Buffer.byteLength(JSON.stringify(view));
  if (bytes > LIMITS.viewBytes)
    check.add('view', `${bytes} bytes of JSON, more than ${LIMITS.viewBytes} (${VIEW_TOO_LARGE})`);
}

/**
 * Problems with a payload for a surface: for 'message' the `{ text?, blocks? }` arguments of chat.postMessage,
 * chat.update, a response_url body…; for 'modal' and 'home' the view object itself.
 */
export function blockKitProblems(surface: Surface, payload: unknown): string[] {
  const check = new Checker();
  if (!isObject(payload)) {
    check.add(surface === 'message' ? 'message' : 'view', 'must be a JSON object');
    return check.problems;
  }
  if (surface === 'message') checkMessage(check, payload);
  else checkView(check, payload, surface);
  return check.problems;
}

/** The error code Slack answers for these problems (message or view surface). */
export function slackErrorFor(surface: Surface, problems: string[]): string {
  const all = (marker: string) => problems.every((problem) => problem.includes(`(${marker})`));
  if (surface !== 'message') return all(VIEW_TOO_LARGE) ? VIEW_TOO_LARGE : 'invalid_arguments';
  if (all(BLOCKS_TOO_LONG)) return BLOCKS_TOO_LONG;
  if (problems.every((problem) => problem.startsWith('text:'))) return 'msg_too_long';
  return 'invalid_blocks';
}
