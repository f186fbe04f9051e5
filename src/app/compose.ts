import { Registry } from 'prom-client';
import { requireSlackCredentials, requireWorkerSlack, type SlackCredentials } from '../config';
import { ConfigError } from '../errors';
import { createMaintenanceQueue, scheduleRetentionSweep } from '../jobs/retention-sweep';
import { createLogger } from '../logger';
import { createAppMetrics } from '../ops/app-metrics';
import { startOpsServer, stopOpsServer } from '../ops/ops-server';
import type { BotTokens } from '../slack/bot-tokens';
import { Installations } from '../slack/installations';
import { createSlackApp, type SlackApp } from '../slack/slack-app';
import type { RedisTarget } from '../store/redis-connection';
import { RedisInstallationStore } from '../store/redis-installation-store';
import { RedisKeys } from '../store/redis-keys';
import { RedisModelStore } from '../store/redis-model-store';
import { RedisWorkspaceSettings } from '../store/redis-workspace-settings';
import { RedisSlackBudget } from '../store/slack-budget';
import { TokenCipher } from '../store/token-cipher';
import { CachedWorkspaceSettings } from '../store/workspace-settings-source';
import { Closers } from './closers';
import type { BotCredentials, ComposedApp, ComposeOptions } from './compose-options';
import { exportRepositoryFiles } from './export-repository';
import { closeJobQueues, createJobQueues, pendingJobs, promoteDelayed } from './job-queues';
import { startJobWorkers } from './job-workers';
import { manifestBotScopes } from './manifest-scopes';
import { opsEndpoints, redisAnswers } from './ops-endpoints';
import { connectAppRedis, warnOnMissingReplicas, workerRedis } from './redis-connections';
import { buildServices } from './services';
import { INTERACTIVE_RETRY, slackClients } from './slack-clients';

/**
 * The composition root: the only place that builds the Redis connections, the store and the other
 * adapters, the queues, the workers, the Slack clients and the Bolt app. main, worker, the
 * playground, the test fixtures and the benchmarks all call it, with different options.
 *
 * Everything it opens is closed again by `stop()` (or at once, when start-up fails half way), in
 * this order: Slack requests, workers (running jobs finish), posts in threads, card refreshes,
 * the health and metrics servers of a process without Bolt's, queues, Redis.
 */
export async function compose(options: ComposeOptions): Promise<ComposedApp> {
  const { config, flow, catalog } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const serveSlack = options.serveSlack ?? true;
  const serveHttp = serveSlack || (options.serveHttp ?? false);
  const appCredentials = serveSlack ? slackCredentialsFor(options) : undefined;
  const bot: BotCredentials = appCredentials
    ? workerCredentialsOf(appCredentials)
    : (options.credentials ?? requireWorkerSlack(config));
  const redisTarget: RedisTarget | undefined = options.redisUrl
    ? { mode: 'standalone', url: options.redisUrl }
    : config.redis.target;
  if (!redisTarget) {
    throw new ConfigError([
      {
        name: 'REDIS_URL',
        problem: 'is missing (and so are REDIS_CLUSTER_NODES and REDIS_SENTINELS)',
        expected: 'the Redis holding drafts and jobs (compose() starts none)',
      },
    ]);
  }
  const runWorkers = options.workers?.run ?? config.jobs.runWorkers;
  const clock = options.clock ?? (() => new Date());
  const exportSettings = options.exportSettings ?? config.export;

  // One registry per process (never prom-client's global one): /metrics shows this process.
  const metrics = createAppMetrics(new Registry());

  const closers = new Closers(logger);
  try {
    // Closed last (closers run in reverse): everything below uses these connections.
    const redis = await connectAppRedis(redisTarget, logger);
    closers.add('redis', () => redis.quit());
    const { waitReplicas } = config.redis;
    if (waitReplicas) await warnOnMissingReplicas(redis, waitReplicas.replicas, logger);
    const connection = runWorkers ? workerRedis(redisTarget, logger) : undefined;
    if (connection) closers.add('worker redis', () => connection.quit());

    const keys = new RedisKeys(options.keyPrefix ?? config.redis.keyPrefix);
    // One cipher seals the installations' bot tokens and the workspaces' Git and GitHub tokens.
    const encryptionKeys = 'oauth' in bot ? bot.oauth.encryptionKeys : config.encryptionKeys;
    const cipher = encryptionKeys.length > 0 ? new TokenCipher(encryptionKeys) : undefined;
    const installations =
      'oauth' in bot && cipher ? new Installations(new RedisInstallationStore(redis, keys, cipher), clock) : undefined;
    const settings = new CachedWorkspaceSettings(
      new RedisWorkspaceSettings(redis, keys, cipher),
      {
        appsec: options.appsec ?? {
          channelId: config.review.appsecChannelId,
          usergroupId: config.review.appsecUsergroupId,
        },
        review: { slaWorkingDays: config.review.slaWorkingDays, holidays: config.review.holidays },
        export: exportSettings,
        // OAuth mode serves many workspaces: each gets its own part of the deployment's repository.
        sharedByWorkspaces: 'oauth' in bot,
        exportBase: config.exportDefaults,
      },
      { localRepositories: !config.production, now: clock },
    );
    const tokens: BotTokens =
      'oauth' in bot && installations
        ? { kind: 'installed', forWorkspace: (workspaceId) => installations.tokenForWorkspace(workspaceId) }
        : { kind: 'single', token: 'botToken' in bot ? bot.botToken : '' };
    const store = new RedisModelStore({ redis, keys, metrics, waitReplicas: config.redis.waitReplicas });
    const queues = createJobQueues(redis, keys, logger);
    const maintenance = createMaintenanceQueue(redis, keys.jobsPrefix(), logger);
    closers.add('queues', () => Promise.all([closeJobQueues(queues), maintenance.close()]));
    metrics.countJobsOf([...Object.values(queues), maintenance]);
    await scheduleRetentionSweep(maintenance, config.draftRetentionDays);
    const ops = opsEndpoints(config, metrics, () => redisAnswers(redis), logger);
    // Open before the workers start, so closed after they finish: a worker draining its jobs on
    // SIGTERM still answers its liveness probe, and the last scrape still sees it.
    const metricsServer = await ops.startMetricsServer(options.host);
    if (metricsServer) closers.add('metrics server', () => metricsServer.stop());
    let httpPort = 0;
    if (serveHttp && !appCredentials) {
      // A worker's probes and metrics: no Slack requests come here.
      const server = await startOpsServer(ops.routes, options.port ?? config.port, options.host);
      httpPort = server.port;
      closers.add('ops server', () => stopOpsServer(server.server));
    }

    const services = buildServices({
      redis,
      keys,
      store,
      queues,
      ...(installations && { installations }),
      clients: slackClients(
        { tokens, apiUrl: bot.apiUrl },
        options.retry ?? {},
        logger,
        new RedisSlackBudget(redis, keys, options.slackBudgets),
        metrics,
      ),
      flow,
      catalog,
      clock,
      logger,
      settings,
      repositoryFiles: exportRepositoryFiles(settings),
      exportRetry: options.exportRetry ?? { attempts: 6, backoffMs: 10_000 },
      cardRefreshIntervalMs: options.cardRefreshIntervalMs ?? 1000,
      membershipCacheMs: options.membershipCacheMs,
      channelPaceMs: options.channelPaceMs,
    });
    // After the workers stop (they ask for refreshes too), before the queues and Redis close.
    closers.add('card refreshes', () => services.refresher.close());
    // After the listeners finish (they queue posts), before the refreshes and Redis close.
    closers.add('thread posts', () => services.threadPosts.close());

    if (connection) {
      const workers = await startJobWorkers({
        connection,
        redis,
        keys,
        queues,
        maintenance,
        services,
        logger,
        concurrency: options.workers?.concurrency ?? config.jobs.concurrency,
        lockDurationMs: options.workers?.lockDurationMs,
        stalledIntervalMs: options.workers?.stalledIntervalMs,
        metrics,
      });
      closers.add('workers', () => workers.close());
    }

    let slack: SlackApp | undefined;
    let port = httpPort;
    if (appCredentials) {
      slack = createSlackApp({
        credentials: appCredentials,
        port: options.port ?? config.port,
        ...(options.host && { host: options.host }),
        logger,
        services,
        opsRoutes: ops.routes,
        metrics,
        retryConfig: options.retry?.interactive ?? INTERACTIVE_RETRY,
        ...(options.extraRoutes && { extraRoutes: options.extraRoutes }),
        ...(installations && { installations, botScopes: manifestBotScopes() }),
      });
      const app = slack;
      port = await app.start();
      closers.add('slack', () => app.stop());
    }

    return {
      port,
      metricsPort: metricsServer?.port,
      metrics,
      logger,
      keys,
      store,
      queues,
      maintenance,
      services,
      slack,
      installations,
      workers: connection !== undefined,
      promoteDelayed: () => promoteDelayed(queues),
      pendingJobs: () => pendingJobs(queues),
      async idle() {
        await slack?.idle();
        await services.threadPosts.idle();
        await services.refresher.idle();
      },
      stop: () => closers.closeAll(),
    };
  } catch (error) {
    await closers.closeAll();
    throw error;
  }
}

/** What the clients of a process serving Slack need of its credentials. */
function workerCredentialsOf(credentials: SlackCredentials): BotCredentials {
  return credentials.mode === 'oauth'
    ? { oauth: credentials.oauth, apiUrl: credentials.apiUrl }
    : { botToken: credentials.botToken, apiUrl: credentials.apiUrl };
}

/**
 * The Bolt app's credentials: the caller's, or the configured ones (a ConfigError names what is
 * missing and where to get it). A bot token alone cannot serve Slack requests.
 */
function slackCredentialsFor(options: ComposeOptions): SlackCredentials {
  const given = options.credentials;
  if (!given) return requireSlackCredentials(options.config);
  if (!('mode' in given)) {
    if ('oauth' in given) {
      throw new ConfigError([
        {
          name: 'SLACK_SIGNING_SECRET',
          problem: 'is missing',
          expected: 'a signing secret to serve Slack requests (OAuth mode)',
        },
      ]);
    }
    throw new ConfigError([
      {
        name: 'SLACK_SIGNING_SECRET',
        problem: 'is missing',
        expected: 'a signing secret (HTTP mode) or SLACK_APP_TOKEN (Socket Mode) to serve Slack requests',
      },
    ]);
  }
  return given;
}
