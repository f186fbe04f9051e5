import { Redis } from 'ioredis';
import { loadCatalog } from '../../src/catalog/load-catalog';
import type { SlackCredentials } from '../../src/config';
import { createLogger } from '../../src/logger';
import { SHIPPED_CATALOG_DIR } from '../../src/paths';
import { createSlackApp, type SlackApp } from '../../src/slack/slack-app';
import { Idempotency } from '../../src/store/idempotency';
import { MessageRefStore } from '../../src/store/message-refs';
import { RedisKeys } from '../../src/store/redis-keys';
import { RedisModelStore } from '../../src/store/redis-model-store';
import { defaultFlow } from './build-model';
import { testRedis, uniquePrefix } from './redis-server';
import { SlackDriver } from './slack/slack-driver';
import { type SlackStandIn, startSlackStandIn } from './slack/stand-in-server';
import { TEAM_ID } from './slack/workspace';

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
  let standIn: SlackStandIn | undefined;
  const state = {} as {
    app: SlackApp;
    port: number;
    driver: SlackDriver;
    store: RedisModelStore;
    keys: RedisKeys;
    stopping: Promise<void> | undefined;
  };
  const violations: unknown[] = [];
  const stop = () => {
    state.stopping ??= state.app.stop();
    return state.stopping;
  };

  beforeAll(async () => {
    const server = await testRedis();
    closeRedis = server.close;
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
    state.app = createSlackApp({
      credentials: credentials(standIn, mode),
      port: 0,
      retryConfig: { retries: 0 },
      deps: {
        store: state.store,
        messageRefs: new MessageRefStore(connection, state.keys),
        idempotency: new Idempotency(connection, state.keys),
        catalog,
        flow: defaultFlow(),
        logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
        clock: () => new Date(),
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
    /** Wait until the app's background work (card refreshes) has settled. */
    settle: () => state.app.idle(),
    /** The latest stored model, by id. */
    model: (modelId = 'TM-1') => state.store.require({ workspaceId: TEAM_ID, modelId }),
  };
}
