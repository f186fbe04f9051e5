import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { saveSettings } from '../../../use-cases/workspace-settings';
import type { SlackServices } from '../../deps';
import { ViewStateSchema } from '../../forms/form-values';
import { settingsFormInput } from '../../forms/parse-settings-form';
import { SETTINGS_FIELDS } from '../../forms/settings-fields';
import { publishHome } from '../../presenters/publish-home';

/**
 * The settings form was submitted. The workspace is the submission's own (Slack's verified
 * team), never anything the form carries; the use case checks again that the person administers
 * it, then every field. Problems show inline, on their fields; once saved, the form closes and the
 * person's Home tab shows the settings now in force.
 */
export function settingsSubmit(services: SlackServices) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const workspaceId = body.team?.id ?? '';
    const userId = body.user.id;
    const state = ViewStateSchema.safeParse(view.state.values);
    if (!state.success) {
      await ack({
        response_action: 'errors',
        errors: { [SETTINGS_FIELDS.appsecChannelId]: 'This form is out of date. Close it and start again.' },
      });
      return;
    }
    const outcome = await saveSettings(services, { workspaceId, by: userId, input: settingsFormInput(state.data) });
    if (!outcome.ok) {
      const errors = 'errors' in outcome ? outcome.errors : { [SETTINGS_FIELDS.appsecChannelId]: outcome.message };
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    await services.afterAck.run(() => publishHome(services, workspaceId, userId));
  };
}
