import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { cleanText } from '../../../domain/clean-text';
import { captureThreat as captureFromThread } from '../../../use-cases/capture-threat';
import type { SlackServices } from '../../deps';
import { notice } from '../../views/thread-messages';
import { threatModal } from '../../views/threat-modal';

/**
 * "Capture as threat" on a message in a model's thread: the threat modal opens with the message
 * as the threat action, and the message's permalink becomes the threat's origin, so free
 * brainstorming in the thread is not lost.
 */
export function captureThreat(services: SlackServices) {
  return async ({ ack, shortcut, respond }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const { channel, message, user } = shortcut;
    const captured = await captureFromThread(services, {
      workspaceId: shortcut.team?.id ?? user.team_id ?? '',
      channelId: channel.id,
      threadTs: (message.thread_ts as string | undefined) ?? message.ts,
      text: cleanText(message.text ?? ''),
      by: user.id,
    });
    if (!captured.ok) return void (await respond({ response_type: 'ephemeral', ...notice(captured.message) }));
    const { permalink } = await services.client.chat.getPermalink({ channel: channel.id, message_ts: message.ts });
    const view = threatModal(
      { model: captured.model, catalog: services.catalog },
      { values: captured.values, ...(permalink && { capturedFrom: permalink }) },
    );
    await services.client.views.open({ trigger_id: shortcut.trigger_id, view: view });
  };
}
