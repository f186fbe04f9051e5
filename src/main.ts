import path from 'node:path';
import type { CustomRoute } from '@slack/bolt';
import { catalogStats } from './catalog/catalog-queries';
import { loadCatalog } from './catalog/load-catalog';
import { loadConfig, requireBotToken, requireSlackCredentials, type SlackCredentials } from './config';
import { ConfigError, toAppError } from './errors';
import { loadFlow } from './flows/load-flow';
import type { ExportSettings } from './jobs/processors/processor-deps';
import { type ReviewRuntime, startReviewRuntime } from './jobs/review-runtime';
import { createLogger, type Logger } from './logger';
import { SHIPPED_CATALOG_DIR, SHIPPED_FLOW_FILE } from './paths';
import { createSlackApp } from './slack/slack-app';
import { RedisIdempotency } from './store/idempotency';
import { RedisMessageRefStore } from './store/message-refs';
import { connectRedis, redactRedisUrl } from './store/redis-connection';
import { RedisKeys } from './store/redis-keys';
import { RedisModelStore } from './store/redis-model-store';
import { startRedisServer } from './store/redis-server-process';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `web` serves Slack (and runs the workers unless RUN_WORKERS=false); `worker` runs the workers only. */
export type ProcessRole = 'web' | 'worker';

/**
 * What a development harness (dev/playground) sets in place of configuration. The product never
 * passes it: `node dist/main.js` runs on the environment alone, so missing Slack credentials
 * always stop start-up.
 */
export interface StartOverrides {
  /** Used instead of the SLACK_* variables. */
  credentials: SlackCredentials;
  /** Where reviews go when APPSEC_CHANNEL_ID / APPSEC_USERGROUP_ID are unset. */
  appsec?: { channelId: string; usergroupId: string };
  /** Where exports go when EXPORT_GIT_URL is unset. */
  exports?: ExportSettings;
  /** Listen on this address only (default: every interface). */
  host?: string;
  /** More HTTP routes beside Slack's and the health routes. */
  extraRoutes?: CustomRoute[];
  /** Told the job runtime once it runs (to run or count delayed jobs). */
  onRuntime?: (runtime: ReviewRuntime) => void;
}

export interface Running {
  port: number;
  logger: Logger;
  stop(): Promise<void>;
}

/**
 * Composition root: the only place that reads the environment. Loads and validates
 * configuration, flow and catalog (a mistake stops start-up with a precise message), connects
 * Redis (a private redis-server under .threadmodel/ when REDIS_URL is unset), and starts the
 * Slack app. `stop()` closes everything in order.
 */
export async function start(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  role: ProcessRole = 'web',
  overrides?: StartOverrides,
): Promise<Running> {
  const config = loadConfig(env, { cwd, flowFile: SHIPPED_FLOW_FILE });
  const logger = createLogger(config.logLevel);
  const flow = loadFlow(config.flowFile);
  const catalog = loadCatalog([SHIPPED_CATALOG_DIR, ...config.extraCatalogDirs]);
  const stats = catalogStats(catalog);
  logger.info({ flow: flow.name, threats: stats.threats, controls: stats.controls }, 'flow and catalog loaded');
  const credentials = overrides?.credentials ?? (role === 'web' ? requireSlackCredentials(config) : undefined);
  if (role === 'worker' && !config.redis.url) {
    throw new ConfigError([
      { name: 'REDIS_URL', problem: 'is missing', expected: 'the Redis the web process uses: workers share it' },
    ]);
  }

  // Everything started is stopped again, in reverse order, on stop() or when start-up fails.
  const closers: (() => Promise<unknown>)[] = [];
  const closeAll = async () => {
    for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  };
  try {
    let redisUrl = config.redis.url;
    if (!redisUrl) {
      const dir = path.join(cwd, '.threadmodel', 'redis');
      const privateRedis = await startRedisServer({ aof: true, dir });
      closers.push(() => privateRedis.stop());
      redisUrl = privateRedis.url;
      logger.info(
        { url: redisUrl, dir },
        'REDIS_URL is not set: started a private redis-server (AOF on); set REDIS_URL to use your own',
      );
    }
    const botToken = credentials?.botToken ?? requireBotToken(config);
    const redis = await connectRedis(redisUrl);
    closers.push(() => redis.quit());
    redis.on('error', (error) => logger.warn({ err: error }, 'redis connection error; reconnecting'));
    const keys = new RedisKeys(config.redis.keyPrefix);
    const store = new RedisModelStore({ redis, keys });
    logger.info({ url: redactRedisUrl(redisUrl) }, 'draft store connected');

    const sweep = async () => {
      const archived = await store.archiveIdleDrafts(config.draftRetentionDays);
      if (archived.length > 0) logger.info({ archived, days: config.draftRetentionDays }, 'archived idle drafts');
    };
    await sweep();
    const sweeper = setInterval(
      () => sweep().catch((error) => logger.error({ err: error }, 'retention sweep failed')),
      DAY_MS,
    );
    sweeper.unref();
    closers.push(async () => clearInterval(sweeper));

    const messageRefs = new RedisMessageRefStore(redis, keys);
    const clock = () => new Date();
    const runtime = await startReviewRuntime({
      redisUrl,
      redis,
      keys,
      store,
      messageRefs,
      flow,
      catalog,
      clock,
      logger,
      slack: {
        botToken,
        apiUrl: credentials?.apiUrl ?? config.slack.apiUrl,
        retryConfig: { retries: 3, factor: 2, minTimeout: 1000 },
      },
      appsec: {
        channelId: config.review.appsecChannelId ?? overrides?.appsec?.channelId,
        usergroupId: config.review.appsecUsergroupId ?? overrides?.appsec?.usergroupId,
      },
      settings: { slaWorkingDays: config.review.slaWorkingDays, holidays: config.review.holidays },
      workers: { run: role === 'worker' || config.jobs.runWorkers, concurrency: config.jobs.concurrency },
      exports: { settings: config.export ?? overrides?.exports },
    });
    overrides?.onRuntime?.(runtime);
    // Closed before Redis (closers run in reverse): running jobs finish first.
    closers.push(() => runtime.close());
    logger.info(
      { workers: runtime.workers !== undefined, appsecChannel: config.review.appsecChannelId ?? null },
      runtime.workers ? 'review and reminder workers running' : 'queues ready; workers run elsewhere',
    );
    if (!credentials) {
      let stopped: Promise<void> | undefined;
      return {
        port: 0,
        logger,
        stop: () => {
          stopped ??= closeAll().then(() => logger.info('stopped'));
          return stopped;
        },
      };
    }

    const slack = createSlackApp({
      credentials,
      port: config.port,
      ...(overrides?.host && { host: overrides.host }),
      ...(overrides?.extraRoutes && { extraRoutes: overrides.extraRoutes }),
      deps: {
        store,
        messageRefs,
        idempotency: new RedisIdempotency(redis, keys),
        catalog,
        flow,
        logger,
        clock,
        jobs: runtime.jobs,
        exports: runtime.exports,
        appsec: runtime.appsec,
        timeZones: runtime.timeZones,
        rotation: runtime.rotation,
        reviewSettings: runtime.settings,
        ready: async () => (await redis.ping()) === 'PONG',
      },
    });
    const port = await slack.start();
    closers.push(() => slack.stop());
    logger.info(
      { port, mode: credentials.mode },
      credentials.mode === 'http'
        ? `listening on port ${port}: POST /slack/events, GET /healthz, GET /readyz`
        : 'connected to Slack in Socket Mode',
    );

    let stopped: Promise<void> | undefined;
    return {
      port,
      logger,
      stop: () => {
        stopped ??= closeAll().then(() => logger.info('stopped'));
        return stopped;
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/** Run as a command (`node dist/main.js`, `node dist/worker.js`): stop cleanly on SIGTERM and SIGINT. */
export function runFromCommandLine(role: ProcessRole): void {
  start(process.env, process.cwd(), role).then(
    (running) => {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => {
          running.logger.info({ signal }, 'shutting down');
          running.stop().then(
            () => process.exit(0),
            (error: unknown) => {
              running.logger.error({ err: error }, 'shutdown failed');
              process.exit(1);
            },
          );
        });
      }
    },
    (error: unknown) => {
      console.error(toAppError(error).message);
      process.exitCode = 1;
    },
  );
}

if (require.main === module) runFromCommandLine('web');
