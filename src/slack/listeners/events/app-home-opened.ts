import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ThreatModel } from '../../../domain/model';
import { modelTimings } from '../../../domain/model-timings';
import { promptsFor } from '../../../domain/prompts';
import { rolesOf } from '../../../domain/roles';
import type { SlackServices } from '../../deps';
import {
  type AppSecHome,
  appHomeView,
  HOME_SECTION_SIZE,
  type HomeEntry,
  type HomeSection,
} from '../../views/app-home';

/** How many approved models the timing figures are drawn from (the most recent). */
const TIMING_SAMPLE = 200;

async function appSecHome(services: SlackServices, workspaceId: string): Promise<AppSecHome> {
  const [open, approved] = await Promise.all([
    services.store.list(workspaceId, { by: 'status', status: 'in_review' }, { limit: HOME_SECTION_SIZE }),
    services.store.list(workspaceId, { by: 'status', status: 'approved' }, { limit: TIMING_SAMPLE }),
  ]);
  return {
    openReviews: open.items,
    openTotal: open.total,
    timings: modelTimings(approved.items),
    now: services.clock(),
  };
}

/** How many recent models of the workspace are looked at to find those in the user's channels. */
const RECENT_SCAN = 50;

/**
 * The Home tab: models I own or hold a role in, models waiting for me (reviews I am assigned,
 * my models sent back with changes requested, open steps with prompts for my roles), and
 * recently updated models in my channels.
 */
export function appHomeOpened(services: SlackServices) {
  return async ({ event, body }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const workspaceId = (body as { team_id?: string }).team_id ?? '';
    const userId = event.user;
    await services.afterAck.run(async () => {
      const { store, members, client } = services;
      const [mine, reviewing, recent] = await Promise.all([
        store.list(workspaceId, { by: 'participant', userId }, { limit: 50 }),
        store.list(workspaceId, { by: 'reviewer', userId }, { limit: HOME_SECTION_SIZE }),
        store.list(workspaceId, { by: 'all' }, { limit: RECENT_SCAN }),
      ]);
      const active = (model: ThreatModel) => model.status !== 'archived';
      // Waiting for me: reviews I am assigned, my models sent back, and open steps with prompts for my roles.
      const hasMyPrompts = (m: ThreatModel) =>
        (m.status === 'draft' || m.status === 'changes_requested') &&
        !m.completedSteps[m.currentStep] &&
        rolesOf(m.roles, userId).some((role) => promptsFor(services.flow, m.currentStep, role, m).length > 0);
      const waiting = [
        ...reviewing.items.filter((m) => m.status === 'in_review'),
        ...mine.items.filter((m) => m.status === 'changes_requested' && m.ownerId === userId),
        ...mine.items.filter((m) => m.status === 'draft' && hasMyPrompts(m)),
      ];
      const inMyChannels: ThreatModel[] = [];
      for (const model of recent.items.filter(active)) {
        if (inMyChannels.length >= HOME_SECTION_SIZE) break;
        if (await members.isMember(model.channelId, userId).catch(() => false)) inMyChannels.push(model);
      }
      const withLinks = (models: ThreatModel[]): Promise<HomeEntry[]> =>
        Promise.all(
          models.slice(0, HOME_SECTION_SIZE).map(async (model) => ({
            model,
            permalink: model.threadTs
              ? await client.chat.getPermalink({ channel: model.channelId, message_ts: model.threadTs }).then(
                  (r) => r.permalink ?? undefined,
                  () => undefined,
                )
              : undefined,
          })),
        );
      const ownActive = mine.items.filter(active);
      const sections: HomeSection[] = [
        {
          title: 'Waiting for you',
          empty: 'Nothing is waiting for you.',
          entries: await withLinks(waiting),
          total: waiting.length,
        },
        {
          title: 'Your models',
          empty: 'You do not own or hold a role in any model yet.',
          entries: await withLinks(ownActive),
          total: ownActive.length,
        },
        {
          title: 'Recently updated in your channels',
          empty: 'No models in your channels yet.',
          entries: await withLinks(inMyChannels),
          total: inMyChannels.length,
        },
      ];
      const appsec = (await services.appsec.isMember(userId).catch(() => false))
        ? await appSecHome(services, workspaceId)
        : undefined;
      await client.views.publish({ user_id: userId, view: appHomeView(sections, services.flow, appsec) as never });
    });
  };
}
