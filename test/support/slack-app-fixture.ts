import { Redis } from 'ioredis';
import { SlackDriver } from '../../dev/stand-in/slack-driver';
import { type SlackStandIn, startSlackStandIn } from '../../dev/stand-in/stand-in-server';
import { CHANNELS, TEAM_ID, USERGROUPS } from '../../dev/stand-in/workspace';
import { loadCatalog } from '../../src/catalog/load-catalog';
import type { SlackCredentials } from '../../src/config';
import type { ExportSettings } from '../../src/jobs/processors/processor-deps';
import { type ReviewRuntime, startReviewRuntime } from '../../src/jobs/review-runtime';
import { createLogger } from '../../src/logger';
import { SHIPPED_CATALOG_DIR } from '../../src/paths';
import { createSlackApp, type SlackApp } from '../../src/slack/slack-app';
import { RedisIdempotency } from '../../src/store/idempotency';
import { RedisMessageRefStore } from '../../src/store/message-refs';
import { RedisKeys } from '../../src/store/redis-keys';
import { RedisModelStore } from '../../src/store/redis-model-store';
import { defaultFlow } from './build-model';
import { testRedis, uniquePrefix } from './redis-server';

export const SIGNING_SECRET = 'testsigningsecret0123456789abcdef';

const catalog = loadCatalog([SHIPPED_CATALOG_DIR]);

export interface SlackAppFixtureOptions {
  cardRefreshIntervalMs?: number;
  /**
   * 'http' (default): Slack's requests come signed to /slack/events. 'socket': the app connects to the
   * stand-in over Socket Mode (apps.connections.open with the app-level token, then a WebSocket) and
   * gets envelopes; its HTTP port then serves the health routes only.
   */
  mode?: 'http' | 'socket';
  /** The AppSec user group; `null`: none configured (AppSec is the AppSec channel's members). */
  appsecUsergroupId?: string | null;
  /** The AppSec channel; `null`: reviews not set up. */
  appsecChannelId?: string | null;
  /** The clock of the app and its jobs (default: real time). */
  clock?: () => Date;
  /** Whether the app runs its job workers (default true). */
  runWorkers?: boolean;
  /** Where exports go (default: not set up); exports retry twice, quickly. */
  exportSettings?: () => ExportSettings | undefined;
}

function credentials(standIn: SlackStandIn, mode: 'http' | 'socket'): SlackCredentials {
  const { token: botToken, apiUrl } = standIn;
  return mode === 'socket'
    ? { mode, botToken, appToken: standIn.appToken, apiUrl }
    : { mode, botToken, signingSecret: SIGNING_SECRET, apiUrl };
}

/**
 * The real Bolt app on a free port, with a real Redis, pointed at the Slack stand-in; a driver that
 * sends it what Slack sends (signed requests, or Socket Mode envelopes). A fresh app, key prefix and
 * stand-in state per test. After the file: every payload the app sent passed the stand-in's Block Kit checks.
 */
export function useSlackApp(options: SlackAppFixtureOptions = {}) {
  const mode = options.mode ?? 'http';
  let closeRedis: () => Promise<void> = async () => {};
  let redis: Redis | undefined;
  let redisUrl = '';
  let standIn: SlackStandIn | undefined;
  const state = {} as {
    app: SlackApp;
    port: number;
    driver: SlackDriver;
    store: RedisModelStore;
    keys: RedisKeys;
    runtime: ReviewRuntime;
    messageRefs: RedisMessageRefStore;
    stopping: Promise<void> | undefined;
  };
  const violations: unknown[] = [];
  const stop = () => {
    state.stopping ??= state.app.stop().then(() => state.runtime.close());
    return state.stopping;
  };

  beforeAll(async () => {
    const server = await testRedis();
    closeRedis = server.close;
    redisUrl = server.url;
    redis = new Redis(server.url);
    standIn = await startSlackStandIn();
  });

  beforeEach(async () => {
    if (!redis || !standIn) throw new Error('fixture not started');
    standIn.reset();
    const connection = redis;
    state.keys = new RedisKeys(uniquePrefix());
    state.store = new RedisModelStore({ redis: connection, keys: state.keys });
    state.stopping = undefined;
    const clock = options.clock ?? (() => new Date());
    const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
    state.messageRefs = new RedisMessageRefStore(connection, state.keys);
    const flow = defaultFlow();
    state.runtime = await startReviewRuntime({
      redisUrl,
      redis: connection,
      keys: state.keys,
      store: state.store,
      messageRefs: state.messageRefs,
      flow,
      catalog,
      clock,
      logger,
      slack: { botToken: standIn.token, apiUrl: standIn.apiUrl },
      appsec: {
        channelId: options.appsecChannelId === null ? undefined : (options.appsecChannelId ?? CHANNELS.APPSEC.id),
        usergroupId:
          options.appsecUsergroupId === null ? undefined : (options.appsecUsergroupId ?? USERGROUPS.APPSEC.id),
      },
      settings: { slaWorkingDays: 3, holidays: [] },
      workers: { run: options.runWorkers ?? true, concurrency: 4, channelPaceMs: 100 },
      cardRefreshIntervalMs: 20,
      exports: { settings: options.exportSettings?.(), attempts: 2, backoffMs: 200 },
    });
    state.app = createSlackApp({
      credentials: credentials(standIn, mode),
      port: 0,
      retryConfig: { retries: 0 },
      deps: {
        store: state.store,
        messageRefs: state.messageRefs,
        idempotency: new RedisIdempotency(connection, state.keys),
        catalog,
        flow,
        logger,
        clock,
        jobs: state.runtime.jobs,
        exports: state.runtime.exports,
        appsec: state.runtime.appsec,
        timeZones: state.runtime.timeZones,
        rotation: state.runtime.rotation,
        reviewSettings: state.runtime.settings,
        ready: async () => (await connection.ping()) === 'PONG',
        cardRefreshIntervalMs: options.cardRefreshIntervalMs ?? 20,
        membershipCacheMs: 0,
      },
    });
    state.port = await state.app.start();
    state.driver =
      mode === 'socket'
        ? new SlackDriver({ socketMode: true, standIn })
        : new SlackDriver({
            appUrl: `http://127.0.0.1:${state.port}/slack/events`,
            signingSecret: SIGNING_SECRET,
            standIn,
          });
  });

  afterEach(async () => {
    await stop();
    violations.push(...(standIn?.blockKitViolations ?? []));
  });

  afterAll(async () => {
    await standIn?.close();
    await redis?.quit();
    await closeRedis();
    // Every payload the app sent in this file passed Slack's Block Kit limits.
    expect(violations).toEqual([]);
  });

  return {
    get app() {
      return state.app;
    },
    /** The port the app's HTTP server listens on (health routes; in HTTP mode Slack's requests too). */
    get port() {
      return state.port;
    },
    /** Stops the app (once; the fixture stops it after each test anyway). */
    stop,
    get driver() {
      return state.driver;
    },
    get standIn(): SlackStandIn {
      if (!standIn) throw new Error('fixture not started');
      return standIn;
    },
    get store() {
      return state.store;
    },
    /** The queues and workers of this test's app. */
    get runtime() {
      return state.runtime;
    },
    get keys() {
      return state.keys;
    },
    get redisUrl() {
      return redisUrl;
    },
    /** Wait until the app's background work (card refreshes) has settled. */
    settle: () => state.app.idle(),
    /** The latest stored model, by id. */
    model: (modelId = 'TM-1') => state.store.require({ workspaceId: TEAM_ID, modelId }),
  };
}
