import { loadCatalog } from '../../src/catalog/load-catalog';
import type { ThreatModel } from '../../src/domain/model';
import { createLogger } from '../../src/logger';
import { SHIPPED_CATALOG_DIR } from '../../src/paths';
import type { ModelExportJob, ModelReuseJob, ThreadPictureJob } from '../../src/ports/job-payloads';
import type { ModelRef } from '../../src/ports/model-store';
import { RedisIdempotency } from '../../src/store/idempotency';
import { RedisMessageRefStore } from '../../src/store/message-refs';
import type { UseCaseDeps } from '../../src/use-cases/use-case-deps';
import { ALICE, defaultFlow, NOW } from './build-model';
import { useStore } from './store-fixture';

let shippedCatalog: ReturnType<typeof loadCatalog> | undefined;

/**
 * The deps of the use cases for unit tests: the real Redis store, message refs and idempotency
 * (a fresh key prefix per test), the shipped flow and catalog, and in-memory fakes of the Slack
 * and queue ports that record what they were asked. Channel membership and AppSec are sets the
 * test fills in.
 */
export function useUseCaseDeps() {
  const store = useStore();
  const state = {} as {
    deps: UseCaseDeps;
    /** `channel/user` pairs: who is a member of which channel. */
    members: Set<string>;
    appsec: Set<string>;
    exportsConfigured: boolean;
    exported: ModelExportJob[];
    pictures: ThreadPictureJob[];
    reused: ModelReuseJob[];
    refreshed: ModelRef[];
    draftIdle: { at: Date; modelId: string }[];
    /** The order in which things happened, for tests of ordering. */
    events: string[];
  };

  beforeEach(() => {
    shippedCatalog ??= loadCatalog([SHIPPED_CATALOG_DIR]);
    Object.assign(state, {
      members: new Set<string>(),
      appsec: new Set<string>(),
      exportsConfigured: true,
      exported: [],
      pictures: [],
      reused: [],
      refreshed: [],
      draftIdle: [],
      events: [],
    });
    state.deps = {
      store: store.store,
      messageRefs: new RedisMessageRefStore(store.redis, store.keys),
      idempotency: new RedisIdempotency(store.redis, store.keys),
      catalog: shippedCatalog,
      flow: defaultFlow(),
      clock: () => NOW,
      logger: createLogger('silent'),
      jobs: {
        requestReview: async () => {},
        scheduleReviewNudge: async () => {},
        scheduleDraftIdle: async (job, at) => {
          state.draftIdle.push({ at, modelId: job.modelId });
        },
        pendingReminder: async () => undefined,
        cancelReminder: async () => {},
      },
      exports: {
        get configured() {
          return state.exportsConfigured;
        },
        exportModel: async (job) => {
          state.exported.push(job);
        },
        postPicture: async (job) => {
          state.events.push(`picture ${job.picture}`);
          state.pictures.push(job);
        },
        reuseModel: async (job) => {
          state.reused.push(job);
        },
      },
      appsec: {
        settings: { channelId: 'C0APPSEC1', usergroupId: undefined },
        configured: true,
        members: async () => [...state.appsec],
        isMember: async (userId) => state.appsec.has(userId),
      },
      members: { isMember: async (channelId, userId) => state.members.has(`${channelId}/${userId}`) },
      timeZones: { of: async () => undefined },
      rotation: { nextTurn: async () => 1 },
      cards: {
        refresh: (ref) => {
          state.events.push('refresh');
          state.refreshed.push(ref);
        },
      },
      reviewSettings: { slaWorkingDays: 3, holidays: [] },
    };
  });

  return {
    get deps() {
      return state.deps;
    },
    get store() {
      return store.store;
    },
    /** Make these users members of the channel. */
    join: (channelId: string, ...userIds: string[]) => {
      for (const userId of userIds) state.members.add(`${channelId}/${userId}`);
    },
    get appsec() {
      return state.appsec;
    },
    set exportsConfigured(configured: boolean) {
      state.exportsConfigured = configured;
    },
    get exported() {
      return state.exported;
    },
    get pictures() {
      return state.pictures;
    },
    get reused() {
      return state.reused;
    },
    get refreshed() {
      return state.refreshed;
    },
    get draftIdle() {
      return state.draftIdle;
    },
    get events() {
      return state.events;
    },
  };
}

/**
 * Store a model as the use cases find it: a draft created by ALICE in C0PAYMENT (TM-1 first),
 * then given the fields of `like` (e.g. a scoped model, roles, threats, a status).
 */
export async function seedModel(
  store: UseCaseDeps['store'],
  like: Partial<ThreatModel> = {},
): Promise<{ model: ThreatModel; ref: ModelRef }> {
  const created = await store.create(
    { title: 'Refunds API', workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', ownerId: ALICE },
    ALICE,
  );
  const ref = { workspaceId: created.workspaceId, modelId: created.id };
  const { id: _id, version: _version, workspaceId: _ws, ...fields } = like;
  const { model } = await store.update(ref, { actor: ALICE, action: 'test.seed' }, (current) => ({
    ...current,
    threadTs: '1700000000.000100',
    ...fields,
  }));
  return { model, ref };
}
