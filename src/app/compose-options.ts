import type { CustomRoute } from '@slack/bolt';
import type { RetryOptions } from '@slack/web-api';
import type { Queue } from 'bullmq';
import type { Catalog } from '../catalog/catalog';
import type { Config, SlackCredentials, WorkerSlackCredentials } from '../config';
import type { Flow } from '../domain/flow';
import type { ExportSettings } from '../jobs/processors/processor-deps';
import type { Logger } from '../logger';
import type { ProcessMetrics } from '../ops/app-metrics';
import type { AppSecSettings } from '../ports/appsec-directory';
import type { Clock } from '../ports/clock';
import type { MethodBudget } from '../ports/slack-budget';
import type { SlackServices } from '../slack/deps';
import type { Installations } from '../slack/installations';
import type { SlackApp } from '../slack/slack-app';
import type { RedisKeys } from '../store/redis-keys';
import type { RedisModelStore } from '../store/redis-model-store';
import type { JobQueues } from './job-queues';
import type { SlackClients } from './slack-clients';

/**
 * Enough for a process that runs jobs but serves no Slack requests: the bot token, or in OAuth
 * mode the installations' keys (each workspace's token is read from its installation).
 */
export type BotCredentials = WorkerSlackCredentials;

/**
 * What compose() builds from. `config` gives every default (it is what the environment said);
 * the other options override a part of it for the playground, the tests and the benchmarks.
 */
export interface ComposeOptions {
  config: Config;
  flow: Flow;
  catalog: Catalog;
  /** Default: a logger at config.logLevel. */
  logger?: Logger;
  /** One server's URL instead of config.redis.target (start() passes the private server's when no Redis is set). */
  redisUrl?: string;
  /** Default: config.redis.keyPrefix. Keys and queues of one deployment share it. */
  keyPrefix?: string;
  /** Serve Slack requests with the Bolt app (default true); false: a worker process, a job test. */
  serveSlack?: boolean;
  /**
   * Without Slack, still serve /healthz, /readyz and /metrics on the port (a worker process does;
   * default false, so tests composing many job runtimes take no port). Serving Slack always does.
   */
  serveHttp?: boolean;
  /**
   * Default: from config (requireSlackCredentials when serving Slack, else requireBotToken).
   * Serving Slack needs full SlackCredentials.
   */
  credentials?: SlackCredentials | BotCredentials;
  /** Default: config.port. */
  port?: number;
  /** The interface the HTTP server listens on; default every interface. */
  host?: string;
  /** Default: config.review's AppSec channel and user group. */
  appsec?: AppSecSettings;
  /** Where exports go. Default: config.export (undefined: exports are not set up). */
  exportSettings?: ExportSettings;
  /** How exports retry; default 6 attempts, 10 s back-off. */
  exportRetry?: { attempts: number; backoffMs: number };
  /** More HTTP routes beside Slack's and the health routes (the playground's page and API). */
  extraRoutes?: CustomRoute[];
  /** The app's and the jobs' clock (default: real time). */
  clock?: Clock;
  /** How often at most one model's cards are rewritten (ms); default 1000. */
  cardRefreshIntervalMs?: number;
  /** How long a channel's member list is trusted before it is read again (ms); default 60 s. */
  membershipCacheMs?: number;
  /** Least time between two background messages (jobs, thread posts) in one channel (ms); Slack's pace by default. */
  channelPaceMs?: number;
  /** The background lane's budget per Web API method and workspace; default Slack's tier floors. */
  slackBudgets?: Readonly<Record<string, MethodBudget>>;
  /** Web API retries of the interactive client (Bolt's too), the background lane and the jobs' client. */
  retry?: { interactive?: RetryOptions; background?: RetryOptions; jobs?: RetryOptions };
  workers?: {
    /** Default: config.jobs.runWorkers. */
    run?: boolean;
    /** Default: config.jobs.concurrency. */
    concurrency?: number;
    /** Lock and stall check (ms): how soon a job of a killed worker runs again. BullMQ's default 30 s. */
    lockDurationMs?: number;
    stalledIntervalMs?: number;
  };
}

/** Everything compose() built that a use case, listener or test may call. */
export interface AppServices extends SlackServices {
  /** The Web API clients: interactive (listeners), background (card refreshes) and the jobs' (throws on 429). */
  clients: SlackClients;
}

/** A composed process: what start(), the playground, the tests and the benchmarks use. */
export interface ComposedApp {
  /** The port the HTTP server listens on (Slack's requests, health, metrics); 0 when this process serves no HTTP. */
  port: number;
  /** The port of METRICS_PORT's server, when one is configured. */
  metricsPort: number | undefined;
  /** This process's metrics and their registry (what GET /metrics shows). */
  metrics: ProcessMetrics;
  logger: Logger;
  keys: RedisKeys;
  store: RedisModelStore;
  queues: JobQueues;
  /** The queue of the retention sweep's job scheduler. */
  maintenance: Queue;
  services: AppServices;
  /** The Bolt app; undefined when this process serves no Slack requests. */
  slack: SlackApp | undefined;
  /** OAuth mode: the installations (Redis, tokens sealed); undefined in single-workspace mode. */
  installations: Installations | undefined;
  /** Whether this process runs the job workers. */
  workers: boolean;
  /** Run every delayed job now (reminders included), as if their time had come; returns how many. */
  promoteDelayed(): Promise<number>;
  /** How many jobs wait for their time. */
  pendingJobs(): Promise<number>;
  /** Resolves once the listeners' work after their acks, their posts in threads and every card refresh are done. */
  idle(): Promise<void>;
  /**
   * Stops in order: Slack requests, then the workers (running jobs finish), then posts in threads,
   * then card refreshes, then the health and metrics servers (a worker answers its probes while
   * its jobs finish), then the queues, then Redis. Idempotent.
   */
  stop(): Promise<void>;
}
