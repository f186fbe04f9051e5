import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { ThreatModel } from '../../../domain/model';
import { modelReadyForThreats } from '../../../use-cases/model-access';
import type { SlackServices } from '../../deps';
import { notice } from '../../views/thread-messages';
import { threatModal } from '../../views/threat-modal';

const PAGE = 100;

/** The model whose thread holds this message (its card is the thread's parent), if any. */
async function modelOfThread(services: SlackServices, workspaceId: string, channelId: string, threadTs: string) {
  for (let offset = 0; ; offset += PAGE) {
    const page = await services.store.list(workspaceId, { by: 'channel', channelId }, { offset, limit: PAGE });
    const found = page.items.find((model: ThreatModel) => model.threadTs === threadTs);
    if (found || page.nextOffset === undefined) return found;
  }
}

/**
 * "Capture as threat" on a message in a model's thread: the threat modal opens with the message
 * as the threat action, and the message's permalink becomes the threat's origin, so free
 * brainstorming in the thread is not lost.
 */
export function captureThreat(services: SlackServices) {
  return async ({ ack, shortcut, respond }: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', ...notice(text) });
    const workspaceId = shortcut.team?.id ?? shortcut.user.team_id ?? '';
    const threadTs = (shortcut.message.thread_ts as string | undefined) ?? shortcut.message.ts;
    const found = await modelOfThread(services, workspaceId, shortcut.channel.id, threadTs);
    if (!found)
      return void (await tell(
        "This message is not in the thread of a threat model. Use it on a message in a model's thread.",
      ));
    const access = await modelReadyForThreats(services, workspaceId, found.id, shortcut.user.id);
    if (!access.ok) return void (await tell(access.message));
    const { permalink } = await services.client.chat.getPermalink({
      channel: shortcut.channel.id,
      message_ts: shortcut.message.ts,
    });
    const action = (shortcut.message.text ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
    const view = threatModal(
      { model: access.model, catalog: services.catalog },
      {
        values: {
          threatSource: '',
          threatAction: action,
          impactedGoals: [],
          impactedAssetIds: [],
          stride: [],
          affectedElementIds: [],
        },
        ...(permalink && { capturedFrom: permalink }),
      },
    );
    await services.client.views.open({ trigger_id: shortcut.trigger_id, view: view as never });
  };
}
