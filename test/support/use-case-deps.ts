import type { Catalog } from '../../src/catalog/catalog';
import { loadCatalog } from '../../src/catalog/load-catalog';
import type { ThreatModel } from '../../src/domain/model';
import { createLogger } from '../../src/logger';
import { SHIPPED_CATALOG_DIR } from '../../src/paths';
import type { ModelRef, ModelStore } from '../../src/ports/model-store';
import { RedisIdempotency } from '../../src/store/idempotency';
import type { UseCaseDeps } from '../../src/use-cases/use-case-deps';
import { ALICE, defaultFlow, NOW } from './build-model';
import {
  CountingRotation,
  ListedAppSec,
  ListedWorkspaceAdmins,
  MemoryMessageRefs,
  MemoryWorkspaceSettings,
  RecordingCards,
  RecordingExportJobs,
  RecordingReviewJobs,
  TableChannelMembers,
  TableTimeZones,
} from './port-fakes';
import { useStore } from './store-fixture';

let shippedCatalog: Catalog | undefined;

/**
 * The deps of the use cases for unit tests, fresh for each test: the real Redis store and
 * idempotency of `useStore()` (a fresh key prefix per test), the shipped flow and catalog, a
 * fixed clock (NOW), the SLA of 3 working days without holidays and exports set up (MemoryWorkspaceSettings), and the in-memory fakes of
 * port-fakes.ts for the rest. Nobody is in any channel and AppSec is set up with nobody in it
 * until the test says otherwise (`members.join`, `appsec.add`); the fakes are exposed for the
 * test to set up and inspect, and `events` logs what the recording ones were asked, in order.
 */
export function useUseCaseDeps() {
  const store = useStore();
  const state = {} as {
    deps: UseCaseDeps;
    jobs: RecordingReviewJobs;
    exports: RecordingExportJobs;
    cards: RecordingCards;
    appsec: ListedAppSec;
    members: TableChannelMembers;
    timeZones: TableTimeZones;
    settings: MemoryWorkspaceSettings;
    admins: ListedWorkspaceAdmins;
    events: string[];
  };

  beforeEach(() => {
    shippedCatalog ??= loadCatalog([SHIPPED_CATALOG_DIR]);
    const events: string[] = [];
    Object.assign(state, {
      jobs: new RecordingReviewJobs(events),
      exports: new RecordingExportJobs(events),
      cards: new RecordingCards(events),
      appsec: new ListedAppSec([]),
      members: new TableChannelMembers(),
      timeZones: new TableTimeZones(),
      settings: new MemoryWorkspaceSettings(),
      admins: new ListedWorkspaceAdmins(),
      events,
    });
    state.deps = {
      store: store.store,
      messageRefs: new MemoryMessageRefs(),
      idempotency: new RedisIdempotency(store.redis, store.keys),
      catalog: shippedCatalog,
      flow: defaultFlow(),
      clock: () => NOW,
      logger: createLogger('silent'),
      jobs: state.jobs,
      exports: state.exports,
      appsec: state.appsec,
      members: state.members,
      timeZones: state.timeZones,
      rotation: new CountingRotation(),
      cards: state.cards,
      settings: state.settings,
      admins: state.admins,
    };
  });

  return {
    get deps() {
      return state.deps;
    },
    get store() {
      return store.store;
    },
    /** The review and reminder queues: what was requested, scheduled and cancelled, and what is pending. */
    get jobs() {
      return state.jobs;
    },
    /** The export queue: the exports, pictures and reuses asked. */
    get exports() {
      return state.exports;
    },
    /** Workspaces' settings: `saved` per workspace over `defaults` (`defaults.export = undefined`: exports off). */
    get settings() {
      return state.settings;
    },
    /** Slack admins: add `workspace|user` to `admins`. */
    get admins() {
      return state.admins;
    },
    /** The models whose cards were asked to refresh. */
    get refreshed() {
      return state.cards.refreshed;
    },
    /** Who is AppSec: `add` users, or `set` the list (`undefined`: reviews are not set up). */
    get appsec() {
      return state.appsec;
    },
    /** Who is in which channel: `join` and `leave`. */
    get members() {
      return state.members;
    },
    /** Users' time zones: `set` one. */
    get timeZones() {
      return state.timeZones;
    },
    /** The order in which the recording fakes were asked things, for tests of ordering; tests may add their own. */
    get events() {
      return state.events;
    },
  };
}

/**
 * Store a model as the use cases find it: created by its owner (ALICE unless `like` says) as a
 * draft in its workspace and channel (T0WORKSPC and C0PAYMENT unless `like` says; TM-1 first),
 * in a thread (1700000000.000100), then given every other field of `like`: a few (a scope, roles,
 * a status) or a whole built model. The id, version and times are always the store's.
 */
export async function seedModel(
  store: ModelStore,
  like: Partial<ThreatModel> = {},
): Promise<{ model: ThreatModel; ref: ModelRef }> {
  const {
    id: _id,
    version: _version,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    workspaceId = 'T0WORKSPC',
    ...fields
  } = like;
  const ownerId = like.ownerId ?? ALICE;
  const created = await store.create(
    { title: like.title ?? 'Refunds API', workspaceId, channelId: like.channelId ?? 'C0PAYMENT', ownerId },
    ownerId,
  );
  const ref = refOf(created);
  const { model } = await store.update(ref, { actor: ownerId, action: 'test.seed' }, (current) => ({
    ...current,
    threadTs: '1700000000.000100',
    ...fields,
  }));
  return { model, ref };
}

/** The ref of a model. */
export function refOf(model: Pick<ThreatModel, 'workspaceId' | 'id'>): ModelRef {
  return { workspaceId: model.workspaceId, modelId: model.id };
}
