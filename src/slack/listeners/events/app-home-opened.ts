import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackServices } from '../../deps';
import { publishHome } from '../../presenters/publish-home';

/** The Home tab was opened: it is published afresh for the person (publishHome says what it shows). */
export function appHomeOpened(services: SlackServices) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const workspaceId = (body as { team_id?: string }).team_id ?? '';
    const userId = event.user;
    await services.afterAck.run(() => publishHome(services, workspaceId, userId));
  };
}
