import type { BlockAction, RespondFn } from '@slack/bolt';
import type { SlackServices } from '../deps';
import { failedCallFields } from '../slack-errors';
import { noticeModal } from '../views/notice-modal';
import { notice } from '../views/thread-messages';
import { tellUser } from './tell-user';

/** A click, as a listener has it: the payload, and Bolt's answer through the payload's response_url. */
export interface Click {
  body: BlockAction;
  respond: RespondFn;
}

/**
 * Tell the person who clicked something only they see, where they clicked it. On a message the
 * click's response_url answers them even outside the channel: anyone in the workspace can click a
 * public channel's buttons, and chat.postEphemeral refuses non-members (`user_not_in_channel`). In
 * a modal a notice is pushed over it, leaving the modal as it was. Failing to tell is logged,
 * never thrown.
 */
export async function tellClicker(
  services: Pick<SlackServices, 'client' | 'logger'>,
  { body, respond }: Click,
  text: string,
): Promise<void> {
  try {
    if (body.view?.type === 'modal') {
      await services.client.views.push({ trigger_id: body.trigger_id, view: noticeModal(text) });
    } else if (body.response_url) {
      const thread = body.message?.thread_ts;
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...(thread && { thread_ts: thread }),
        ...notice(text),
      });
    } else if (body.channel) {
      await tellUser(services.client, services.logger, { channel: body.channel.id }, body.user.id, text);
    }
  } catch (error) {
    services.logger.warn({ ...failedCallFields(error), user: body.user.id }, 'could not tell the person who clicked');
  }
}
