import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { openSettings } from '../../../use-cases/workspace-settings';
import type { SlackServices } from '../../deps';
import { noticeModal } from '../../views/notice-modal';
import { settingsModal } from '../../views/settings-modal';

/**
 * "Edit settings" in the Home tab: the use case checks the person administers the workspace the
 * click came from (Slack's verified team, never a value of the button), then the form opens; anyone
 * else is told so in a small modal (the Home tab has no thread to answer in).
 */
export function editSettings(services: SlackServices) {
  return async ({ ack, body }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const outcome = await openSettings(services, { workspaceId: body.team?.id ?? '', by: body.user.id });
    const view = outcome.ok ? settingsModal(outcome.form) : noticeModal(outcome.message);
    await services.client.views.open({ trigger_id: body.trigger_id, view });
  };
}
