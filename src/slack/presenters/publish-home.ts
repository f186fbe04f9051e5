import { type HomeModels, homeTab } from '../../use-cases/home-tab';
import { settingsOverview } from '../../use-cases/workspace-settings';
import type { SlackServices } from '../deps';
import { appHomeView, HOME_SECTION_SIZE, type HomeSection } from '../views/app-home';
import { withPermalinks } from './thread-permalinks';

/**
 * A user's Home tab, published: the use cases pick the models waiting for them, their models and
 * those recently updated in their channels (for AppSec, the open reviews; for the workspace's
 * admins, its settings); they are shown with links to their threads.
 */
export async function publishHome(services: SlackServices, workspaceId: string, userId: string): Promise<void> {
  const [home, settings] = await Promise.all([
    homeTab(services, { workspaceId, userId, limit: HOME_SECTION_SIZE }),
    settingsOverview(services, { workspaceId, userId }),
  ]);
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
  const view = appHomeView(sections, services.flow, home.appsec, settings);
  await services.client.views.publish({ user_id: userId, view: view });
}
