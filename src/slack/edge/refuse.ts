import type {
  AllMiddlewareArgs,
  BlockAction,
  MessageShortcut,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewResponseAction,
  ViewSubmitAction,
} from '@slack/bolt';
import { noticeModal } from '../views/notice-modal';
import { notice } from '../views/thread-messages';
import type { EdgeSettings } from './edge-settings';
import { ViewBlocks } from './payload-fields';
import { tellSender } from './where-to-tell';

/**
 * How each surface is answered when the edge refuses its payload: always acknowledged (Slack
 * warns the person after 3 seconds otherwise), and told why where Slack lets us say it.
 */

type Args<T> = T & AllMiddlewareArgs;

/** A button or menu: acknowledged, then the person is told privately in the channel. */
export async function refuseAction(
  settings: EdgeSettings,
  { ack, body }: Args<SlackActionMiddlewareArgs<BlockAction>>,
  text: string,
): Promise<void> {
  await ack();
  await tellSender(settings.client, settings.logger, body, text);
}

/** A modal: the message inline on its first input, or the form replaced by a notice when it has none. */
export async function refuseView(
  { ack, body }: Args<SlackViewMiddlewareArgs<ViewSubmitAction>>,
  text: string,
): Promise<void> {
  await ack(viewAnswer(body, text));
}

export function viewAnswer(body: unknown, text: string): ViewResponseAction {
  const view = body !== null && typeof body === 'object' && 'view' in body ? body.view : undefined;
  const blocks = ViewBlocks.safeParse(view !== null && typeof view === 'object' && 'blocks' in view ? view.blocks : []);
  const input = blocks.success
    ? blocks.data.find((block) => block.type === 'input' && /^[\w.|:-]{1,255}$/.test(block.block_id ?? ''))
    : undefined;
  return input?.block_id
    ? { response_action: 'errors', errors: { [input.block_id]: text } }
    : { response_action: 'update', view: noticeModal(text) };
}

/** A slash command: the ack itself says it, only to the person. */
export async function refuseCommand({ ack }: Args<SlackCommandMiddlewareArgs>, text: string): Promise<void> {
  await ack({ response_type: 'ephemeral', ...notice(text) });
}

/** A shortcut: acknowledged, then the person is told privately (never through the payload's response_url). */
export async function refuseShortcut(
  settings: EdgeSettings,
  { ack, body }: Args<SlackShortcutMiddlewareArgs<MessageShortcut>>,
  text: string,
): Promise<void> {
  await ack();
  await tellSender(settings.client, settings.logger, body, text);
}
