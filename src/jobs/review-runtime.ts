import { type RetryOptions, WebClient } from '@slack/web-api';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Catalog } from '../catalog/catalog';
import type { Flow } from '../domain/flow';
import { boltLogger, type Logger } from '../logger';
import type { AppSecSettings } from '../ports/appsec-directory';
import { QUEUES } from '../ports/job-payloads';
import type { MessageRefStore } from '../ports/message-refs';
import type { ModelStore } from '../ports/model-store';
import { SlackAppSecDirectory } from '../slack/appsec-directory';
import { SlackChannelMembers } from '../slack/channel-members';
import { ModelRefresher } from '../slack/model-refresher';
import { SlackUserTimeZones } from '../slack/user-time-zones';
import { RedisChannelPacer } from '../store/channel-pacer';
import { RedisDeliveryLedger } from '../store/delivery-ledger';
import { RedisIdempotency } from '../store/idempotency';
import type { RedisKeys } from '../store/redis-keys';
import { RedisReminderIndex } from '../store/reminder-index';
import { RedisReviewRotation } from '../store/review-rotation';
import type { ReviewSettings } from '../use-cases/use-case-deps';
import { BullReviewJobs, DEFAULT_JOB_OPTIONS, type ReviewQueues } from './bullmq-review-jobs';
import { SlackDelivery } from './deliver-once';
import { BullExportJobs } from './export-jobs';
import type { ExportSettings } from './processors/processor-deps';
import { startWorkers, type Workers } from './workers';

export interface ReviewRuntimeOptions {
  redisUrl: string;
  /** The app's Redis connection: queues add jobs through it. */
  redis: Redis;
  keys: RedisKeys;
  store: ModelStore;
  messageRefs: MessageRefStore;
  flow: Flow;
  catalog: Catalog;
  clock: () => Date;
  logger: Logger;
  slack: { botToken: string; apiUrl: string | undefined; retryConfig?: RetryOptions };
  appsec: AppSecSettings;
  settings: ReviewSettings;
  workers: {
    run: boolean;
    concurrency: number;
    lockDurationMs?: number;
    stalledIntervalMs?: number;
    /** Least time between two job messages in one channel (ms); Slack's pace of 1 s by default. */
    channelPaceMs?: number;
  };
  /** How often at most one model's cards are rewritten by the workers (ms). */
  cardRefreshIntervalMs?: number;
  /** Where exports go (undefined: not set up), and how exports retry. */
  exports?: { settings: ExportSettings | undefined; attempts?: number; backoffMs?: number };
}

export interface ReviewRuntime {
  jobs: BullReviewJobs;
  exports: BullExportJobs;
  queues: ReviewQueues & { exports: Queue };
  appsec: SlackAppSecDirectory;
  timeZones: SlackUserTimeZones;
  rotation: RedisReviewRotation;
  settings: ReviewSettings;
  workers: Workers | undefined;
  /** Run every delayed job now (reminders included), as if their time had come. */
  promoteDelayed(): Promise<number>;
  /** Stop taking jobs, wait for the running ones, close the queues. */
  close(): Promise<void>;
}

/**
 * The queues, and (unless this process only serves Slack) their workers. Jobs call Slack through
 * a client of their own that throws on 429 instead of waiting inside the call, so the worker can
 * pause its queue for Slack's Retry-After and keep the job.
 */
export async function startReviewRuntime(options: ReviewRuntimeOptions): Promise<ReviewRuntime> {
  const { redis, keys, logger, clock } = options;
  const client = new WebClient(options.slack.botToken, {
    ...(options.slack.apiUrl && { slackApiUrl: options.slack.apiUrl }),
    rejectRateLimitedCalls: true,
    retryConfig: options.slack.retryConfig ?? { retries: 0 },
    logger: boltLogger(logger.child({ component: 'jobs-slack' })),
  });
  const prefix = keys.jobsPrefix();
  const queues = {
    reviews: new Queue(QUEUES.reviews, { connection: redis, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    reminders: new Queue(QUEUES.reminders, { connection: redis, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    exports: new Queue(QUEUES.exports, { connection: redis, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
  };
  const exportSettings = options.exports?.settings;
  const exports = new BullExportJobs(queues.exports, exportSettings !== undefined, {
    attempts: options.exports?.attempts ?? 6,
    backoffMs: options.exports?.backoffMs ?? 10_000,
  });
  for (const queue of Object.values(queues)) queue.on('error', (error) => logger.warn({ err: error }, 'queue error'));
  const jobs = new BullReviewJobs(queues, new RedisReminderIndex(redis, keys), clock);
  const appsec = new SlackAppSecDirectory(client, options.appsec);
  const timeZones = new SlackUserTimeZones(client);
  const rotation = new RedisReviewRotation(redis, keys);

  let workers: Workers | undefined;
  let workerConnection: Redis | undefined;
  let refresher: ModelRefresher | undefined;
  if (options.workers.run) {
    workerConnection = new Redis(options.redisUrl, {
      maxRetriesPerRequest: null,
      connectionName: 'threadmodel-worker',
    });
    workerConnection.on('error', (error) => logger.warn({ err: error }, 'worker redis connection error; reconnecting'));
    const cards = new ModelRefresher({
      store: options.store,
      messageRefs: options.messageRefs,
      catalog: options.catalog,
      flow: options.flow,
      client,
      logger,
      intervalMs: options.cardRefreshIntervalMs ?? 1000,
    });
    refresher = cards;
    workers = startWorkers({
      connection: workerConnection,
      prefix,
      queues,
      concurrency: options.workers.concurrency,
      logger: logger.child({ component: 'jobs' }),
      ...(options.workers.lockDurationMs && { lockDurationMs: options.workers.lockDurationMs }),
      ...(options.workers.stalledIntervalMs && { stalledIntervalMs: options.workers.stalledIntervalMs }),
      deps: {
        store: options.store,
        messageRefs: options.messageRefs,
        client,
        delivery: new SlackDelivery(
          client,
          new RedisDeliveryLedger(redis, keys),
          new RedisChannelPacer(redis, keys, options.workers.channelPaceMs),
        ),
        jobs,
        exports,
        catalog: options.catalog,
        flow: options.flow,
        clock,
        logger,
        appsec,
        members: new SlackChannelMembers(client),
        timeZones,
        rotation,
        cards,
        reviewSettings: options.settings,
        appsecChannelId: options.appsec.channelId,
        exportSettings,
        idempotency: new RedisIdempotency(redis, keys),
      },
    });
    await workers.ready();
  }

  return {
    jobs,
    exports,
    queues,
    appsec,
    timeZones,
    rotation,
    settings: options.settings,
    workers,
    async promoteDelayed() {
      let promoted = 0;
      for (const queue of Object.values(queues)) {
        for (const job of await queue.getDelayed()) {
          await job.promote().then(
            () => {
              promoted += 1;
            },
            () => undefined, // it started meanwhile
          );
        }
      }
      return promoted;
    },
    async close() {
      await workers?.close();
      await refresher?.idle();
      await Promise.all(Object.values(queues).map((queue) => queue.close()));
      await workerConnection?.quit().catch(() => undefined);
    },
  };
}
