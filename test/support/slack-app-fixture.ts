import type { RetryOptions } from '@slack/web-api';
import type { DriverTeam } from '../../dev/stand-in/as-team';
import { installThroughBrowser } from '../../dev/stand-in/browser-install';
import { type Installer, OAUTH_APP } from '../../dev/stand-in/oauth';
import { SlackDriver } from '../../dev/stand-in/slack-driver';
import { type SlackStandIn, startSlackStandIn } from '../../dev/stand-in/stand-in-server';
import { TEAM_ID } from '../../dev/stand-in/workspace';
import { compose } from '../../src/app/compose';
import type { ComposedApp, ComposeOptions } from '../../src/app/compose-options';
import type { SlackCredentials } from '../../src/config';
import type { ExportSettings } from '../../src/jobs/processors/processor-deps';
import type { OAuthSettings } from '../../src/oauth-config';
import type { MethodBudget } from '../../src/ports/slack-budget';
import type { SlackApp } from '../../src/slack/slack-app';
import { capturedLogs, type LogEntry } from './captured-logs';
import { testRedis, uniquePrefix } from './redis-server';
import { SIGNING_SECRET, type TestAppSettings, testComposeOptions } from './test-compose-options';

export { SIGNING_SECRET };

export interface SlackAppFixtureOptions extends TestAppSettings {
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
  /** Keep the app's warnings and errors in `ctx.logs` (default: the log goes to TEST_LOG_LEVEL, silent). */
  captureLogs?: boolean;
  /**
   * The background lane's Web API budgets. Default: none (the stand-in enforces no rate limits
   * either unless a test asks), so a test walking a model at machine speed is not held to Slack's
   * per-minute floors; Slack's 429s still pause the lane.
   */
  budgets?: Record<string, MethodBudget>;
  /** Retries of the interactive Web API client (default none; pass INTERACTIVE_RETRY for production's). */
  interactiveRetry?: RetryOptions;
  /**
   * The Redis of the file, as the environment names it (REDIS_CLUSTER_NODES, REDIS_SENTINELS, ...
   * and REDIS_WAIT_REPLICAS), started before the file's first test. Default: testRedis() as REDIS_URL.
   */
  redis?: () => Promise<TestRedisEnv>;
  /**
   * OAuth mode: the app installs itself through /slack/install (the stand-in plays Slack's authorize
   * page and oauth.v2.access) and has no token until a workspace is installed (`ctx.install()`).
   */
  oauth?: boolean;
}

/** The OAuth settings of the test app: the stand-in's client id and secret, a state secret, one key. */
export const TEST_ENCRYPTION_KEY = { id: 'test1', key: Buffer.alloc(32, 7) };
export function oauthSettings(standIn: SlackStandIn): OAuthSettings {
  return {
    clientId: OAUTH_APP.clientId,
    clientSecret: OAUTH_APP.clientSecret,
    stateSecret: 'test-state-secret-0123456789-abcdefghij',
    encryptionKeys: [TEST_ENCRYPTION_KEY],
    redirectUri: undefined,
    authorizeUrl: `${standIn.baseUrl}/oauth/v2/authorize`,
  };
}

/** A Redis a test file's app runs on: the environment variables that name it, and how to stop it. */
export interface TestRedisEnv {
  env: Record<string, string>;
  close(): Promise<void>;
}

async function standaloneRedis(): Promise<TestRedisEnv> {
  const server = await testRedis();
  return { env: { REDIS_URL: server.url }, close: server.close };
}

function credentials(standIn: SlackStandIn, mode: 'http' | 'socket' | 'oauth'): SlackCredentials {
  const { token: botToken, apiUrl } = standIn;
  if (mode === 'oauth') return { mode, oauth: oauthSettings(standIn), signingSecret: SIGNING_SECRET, apiUrl };
  return mode === 'socket'
    ? { mode, botToken, appToken: standIn.appToken, apiUrl }
    : { mode, botToken, signingSecret: SIGNING_SECRET, apiUrl };
}

/**
 * The real app, composed as in production (src/app/compose.ts) on a free port, with a real Redis,
 * pointed at the Slack stand-in; a driver that sends it what Slack sends (signed requests, or Socket
 * Mode envelopes). A fresh app, key prefix and stand-in state per test. After the file: every payload
 * the app sent passed the stand-in's Block Kit checks.
 */
export function useSlackApp(options: SlackAppFixtureOptions = {}) {
  const mode = options.oauth ? 'oauth' : (options.mode ?? 'http');
  let closeRedis: () => Promise<void> = async () => {};
  let redisEnv: Record<string, string> = {};
  let standIn: SlackStandIn | undefined;
  const state = {} as { composed: ComposedApp; driver: SlackDriver; logs: LogEntry[] };
  const violations: unknown[] = [];
  const composed = () => {
    if (!state.composed) throw new Error('fixture not started');
    return state.composed;
  };
  const stop = () => composed().stop();
  /** More app processes of this test (same Redis, key prefix and stand-in), stopped after it. */
  const siblings: ComposedApp[] = [];
  const composeOptions = (slack: SlackStandIn, keyPrefix: string): ComposeOptions => {
    const base = testComposeOptions({ redisEnv, keyPrefix, slack, settings: options });
    return mode === 'oauth' ? { ...base, credentials: { oauth: oauthSettings(slack), apiUrl: slack.apiUrl } } : base;
  };

  beforeAll(async () => {
    const redis = await (options.redis ?? standaloneRedis)();
    closeRedis = redis.close;
    redisEnv = redis.env;
    standIn = await startSlackStandIn();
  });

  beforeEach(async () => {
    if (!standIn) throw new Error('fixture not started');
    standIn.reset();
    const logs = options.captureLogs ? capturedLogs() : undefined;
    state.logs = logs?.entries ?? [];
    state.composed = await compose({
      ...(logs && { logger: logs.logger }),
      ...composeOptions(standIn, uniquePrefix()),
      credentials: credentials(standIn, mode),
      workers: { run: options.runWorkers ?? true, concurrency: 4 },
    });
    if (mode === 'oauth') standIn.oauth.redirectUrl = `http://127.0.0.1:${state.composed.port}/slack/oauth_redirect`;
    state.driver =
      mode === 'socket'
        ? new SlackDriver({ socketMode: true, standIn })
        : new SlackDriver({
            appUrl: `http://127.0.0.1:${state.composed.port}/slack/events`,
            signingSecret: SIGNING_SECRET,
            standIn,
          });
  });

  afterEach(async () => {
    await Promise.all(siblings.splice(0).map((sibling) => sibling.stop()));
    await stop();
    violations.push(...(standIn?.blockKitViolations ?? []));
  });

  afterAll(async () => {
    await standIn?.close();
    await closeRedis();
    // Every payload the app sent in this file passed Slack's Block Kit limits.
    expect(violations).toEqual([]);
  });

  return {
    /** The Bolt app and the services its listeners use. */
    get app(): SlackApp {
      const { slack } = composed();
      if (!slack) throw new Error('this app serves no Slack requests');
      return slack;
    },
    /** The port the app's HTTP server listens on (health routes; in HTTP mode Slack's requests too). */
    get port() {
      return composed().port;
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
      return composed().store;
    },
    /** This test's warnings and errors (with `captureLogs: true`). */
    get logs(): LogEntry[] {
      return state.logs;
    },
    /**
     * Another process of the same deployment (same Redis, key prefix and Slack): it serves no
     * Slack requests and runs no workers (unless `workers`: a worker process), but refreshes cards
     * with its own refresher.
     */
    async composeSibling(opts: { workers?: boolean } = {}): Promise<ComposedApp> {
      if (!standIn) throw new Error('fixture not started');
      const sibling = await compose({
        ...composeOptions(standIn, composed().keys.prefix),
        serveSlack: false,
        workers: opts.workers ? { run: true, concurrency: 2 } : { run: false },
      });
      siblings.push(sibling);
      return sibling;
    },
    /**
     * Another web process of the same deployment (same Redis, key prefix and Slack), serving Slack
     * requests on a port of its own (as behind a load balancer) without workers, and a driver that
     * sends Slack's requests to it.
     */
    async composeWeb(): Promise<{ composed: ComposedApp; driver: SlackDriver }> {
      if (!standIn) throw new Error('fixture not started');
      const web = await compose({
        ...composeOptions(standIn, composed().keys.prefix),
        credentials: credentials(standIn, mode === 'oauth' ? 'oauth' : 'http'),
        workers: { run: false },
      });
      siblings.push(web);
      const driver = new SlackDriver({
        appUrl: `http://127.0.0.1:${web.port}/slack/events`,
        signingSecret: SIGNING_SECRET,
        standIn,
      });
      return { composed: web, driver };
    },
    /** OAuth mode: installs the app through the browser flow (install page, Slack's approval, redirect). */
    install(installer?: Installer) {
      if (!standIn) throw new Error('fixture not started');
      return installThroughBrowser(composed().port, standIn, installer);
    },
    /** A driver sending what Slack sends from another workspace (or a workspace of an organisation). */
    driverFor(team: DriverTeam): SlackDriver {
      if (!standIn) throw new Error('fixture not started');
      return new SlackDriver({
        appUrl: `http://127.0.0.1:${composed().port}/slack/events`,
        signingSecret: SIGNING_SECRET,
        standIn,
        team,
      });
    },
    /** OAuth mode: the app's installations. */
    get installations() {
      return composed().installations;
    },
    /** Everything compose() built for this test's app. */
    get composed() {
      return composed();
    },
    /** This test's jobs: the job ports and the review coordinator, the queues, and promoteDelayed(). */
    get runtime() {
      const app = composed();
      return { ...app.services, queues: app.queues, promoteDelayed: () => app.promoteDelayed() };
    },
    get keys() {
      return composed().keys;
    },
    /** The file's Redis URL (a cluster or Sentinel has none: empty). */
    get redisUrl() {
      return redisEnv.REDIS_URL ?? '';
    },
    /** The environment variables naming the file's Redis. */
    get redisEnv() {
      return redisEnv;
    },
    /** Wait until the app's background work (listeners after their acks, card refreshes) has settled. */
    settle: () => composed().idle(),
    /** The latest stored model, by id. */
    model: (modelId = 'TM-1') => composed().store.require({ workspaceId: TEAM_ID, modelId }),
  };
}
