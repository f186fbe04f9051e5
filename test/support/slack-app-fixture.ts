import { Redis } from 'ioredis';
import { loadCatalog } from '../../src/catalog/load-catalog';
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

/**
 * The real Bolt app over HTTP on a free port, with a real Redis, pointed at the Slack stand-in;
 * a driver that sends it signed requests like Slack. A fresh app, key prefix and stand-in state
 * per test. After the file: every payload the app sent passed the stand-in's Block Kit checks.
 */
export function useSlackApp(options: { cardRefreshIntervalMs?: number } = {}) {
  let closeRedis: () => Promise<void> = async () => {};
  let redis: Redis | undefined;
  let standIn: SlackStandIn | undefined;
  const state = {} as { app: SlackApp; driver: SlackDriver; store: RedisModelStore; keys: RedisKeys };
  const violations: unknown[] = [];

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
    state.app = createSlackApp({
      credentials: { mode: 'http', botToken: standIn.token, signingSecret: SIGNING_SECRET, apiUrl: standIn.apiUrl },
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
    const port = await state.app.start();
    state.driver = new SlackDriver({
      appUrl: `http://127.0.0.1:${port}/slack/events`,
      signingSecret: SIGNING_SECRET,
      standIn,
    });
  });

  afterEach(async () => {
    await state.app.stop();
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
