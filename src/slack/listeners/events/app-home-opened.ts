import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { type HomeModels, homeTab } from '../../../use-cases/home-tab';
import type { SlackServices } from '../../deps';
import { withPermalinks } from '../../presenters/thread-permalinks';
import { appHomeView, HOME_SECTION_SIZE, type HomeSection } from '../../views/app-home';

/**
 * The Home tab: the use case picks the models waiting for me, my models and those recently updated
 * in my channels (and, for AppSec, the open reviews); they are shown with links to their threads.
 */
export function appHomeOpened(services: SlackServices) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const workspaceId = (body as { team_id?: string }).team_id ?? '';
    const userId = event.user;
    await services.afterAck.run(async () => {
      const home = await homeTab(services, { workspaceId, userId, limit: HOME_SECTION_SIZE });
      const section = async (title: string, empty: string, { models, total }: HomeModels): Promise<HomeSection> => ({
        title,
        empty,
        entries: await withPermalinks(services.client, models, { tolerant: true }),
        total,
      });
      const sections = [
        await section('Waiting for you', 'Nothing is waiting for you.', home.waiting),
        await section('Your models', 'You do not own or hold a role in any model yet.', home.mine),
        await section('Recently updated in your channels', 'No models in your channels yet.', home.inMyChannels),
      ];
      const view = appHomeView(sections, services.flow, home.appsec);
      await services.client.views.publish({ user_id: userId, view: view });
    });
  };
}
