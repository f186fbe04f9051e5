import type { ThreatModel } from '../domain/model';
import { type ModelTimings, modelTimings } from '../domain/model-timings';
import { openStep, promptsFor } from '../domain/prompts';
import { rolesOf } from '../domain/roles';
import { TIMING_SAMPLE } from './step-estimates';
import type { UseCaseDeps } from './use-case-deps';

/** Models for one section of the Home tab: the first `limit`, and how many there are in all. */
export interface HomeModels {
  models: ThreatModel[];
  total: number;
}

/** What AppSec reviewers also see: the open reviews and how long models take. */
export interface AppSecOverview {
  openReviews: ThreatModel[];
  openTotal: number;
  timings: ModelTimings;
  now: Date;
}

export interface HomeTab {
  /** Reviews I am assigned, my models sent back with changes requested, open steps with prompts for my roles. */
  waiting: HomeModels;
  /** Models I own or hold a role in (archived ones aside). */
  mine: HomeModels;
  /** Recently updated models in channels I am a member of. */
  inMyChannels: HomeModels;
  /** Only for AppSec members. */
  appsec: AppSecOverview | undefined;
}

export interface HomeTabInput {
  workspaceId: string;
  userId: string;
  /** How many models a section shows. */
  limit: number;
}

/** How many models of the workspace a participant's own list is drawn from. */
const MINE_SCAN = 50;
/** How many recent models of the workspace are looked at to find those in the user's channels. */
const RECENT_SCAN = 50;

/**
 * What a user's Home tab shows. A channel membership or AppSec lookup that fails leaves the model
 * (or the AppSec part) out rather than failing the whole tab.
 */
export async function homeTab(
  deps: Pick<UseCaseDeps, 'store' | 'members' | 'appsec' | 'flow' | 'clock'>,
  { workspaceId, userId, limit }: HomeTabInput,
): Promise<HomeTab> {
  const { store, members, flow } = deps;
  const [mine, reviewing, recent] = await Promise.all([
    store.list(workspaceId, { by: 'participant', userId }, { limit: MINE_SCAN }),
    store.list(workspaceId, { by: 'reviewer', userId }, { limit }),
    store.list(workspaceId, { by: 'all' }, { limit: RECENT_SCAN }),
  ]);
  const active = (model: ThreatModel) => model.status !== 'archived';
  const hasMyPrompts = (m: ThreatModel) => {
    const step = openStep(m);
    return step !== undefined && rolesOf(m.roles, userId).some((role) => promptsFor(flow, step, role, m).length > 0);
  };
  const waiting = [
    ...reviewing.items.filter((m) => m.status === 'in_review'),
    ...mine.items.filter((m) => m.status === 'changes_requested' && m.ownerId === userId),
    ...mine.items.filter((m) => m.status === 'draft' && hasMyPrompts(m)),
  ];
  const inMyChannels: ThreatModel[] = [];
  for (const model of recent.items.filter(active)) {
    if (inMyChannels.length >= limit) break;
    if (await members.isMember(model.channelId, userId).catch(() => false)) inMyChannels.push(model);
  }
  const section = (models: ThreatModel[]): HomeModels => ({ models: models.slice(0, limit), total: models.length });
  const isAppSec = await deps.appsec.isMember(workspaceId, userId).catch(() => false);
  return {
    waiting: section(waiting),
    mine: section(mine.items.filter(active)),
    inMyChannels: section(inMyChannels),
    appsec: isAppSec ? await appSecOverview(deps, workspaceId, limit) : undefined,
  };
}

async function appSecOverview(
  deps: Pick<UseCaseDeps, 'store' | 'clock'>,
  workspaceId: string,
  limit: number,
): Promise<AppSecOverview> {
  const [open, approved] = await Promise.all([
    deps.store.list(workspaceId, { by: 'status', status: 'in_review' }, { limit }),
    deps.store.list(workspaceId, { by: 'status', status: 'approved' }, { limit: TIMING_SAMPLE }),
  ]);
  return { openReviews: open.items, openTotal: open.total, timings: modelTimings(approved.items), now: deps.clock() };
}
