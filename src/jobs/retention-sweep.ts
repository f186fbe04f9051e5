import { performance } from 'node:perf_hooks';
import { type ConnectionOptions, type Job, Queue, Worker } from 'bullmq';

import type { Logger } from '../logger';
import type { JobMetrics } from '../ports/metrics';
import type { ModelStore } from '../ports/model-store';
import { type ArchiveIdleDraftsJob, processArchiveIdleDrafts } from './processors/archive-idle-drafts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The retention sweep is a BullMQ job scheduler, so it runs once a day per deployment however many
 * processes share the Redis: every process upserts the same scheduler id, which replaces the
 * pending run instead of adding one. Its first run is at once; then every `everyMs`.
 */
export const RETENTION_SWEEP = {
  queue: '{maintenance}',
  scheduler: 'retention-sweep',
  job: 'drafts.archive-idle',
} as const;

export function createMaintenanceQueue(redis: ConnectionOptions, prefix: string, logger: Logger): Queue {
  const queue = new Queue(RETENTION_SWEEP.queue, { connection: redis, prefix });
  queue.on('error', (error) => logger.warn({ err: error, queue: RETENTION_SWEEP.queue }, 'queue error'));
  return queue;
}

/** Creates the scheduler, or updates it to the current retention period (same id: still one scheduler). */
export async function scheduleRetentionSweep(queue: Queue, idleDays: number, everyMs = DAY_MS): Promise<void> {
  const data: ArchiveIdleDraftsJob = { idleDays };
  await queue.upsertJobScheduler(
    RETENTION_SWEEP.scheduler,
    { every: everyMs },
    {
      name: RETENTION_SWEEP.job,
      data,
      opts: {
        attempts: 3,
        backoff: { type: 'exponential', delay: 60_000 },
        removeOnComplete: { count: 30 },
        removeOnFail: { count: 30 },
      },
    },
  );
}

/** The worker of the maintenance queue: one sweep at a time. */
export function startRetentionWorker(options: {
  connection: ConnectionOptions;
  prefix: string;
  store: ModelStore;
  logger: Logger;
  metrics?: JobMetrics;
}): Worker {
  const { store, logger, metrics } = options;
  const worker = new Worker(
    RETENTION_SWEEP.queue,
    async (job: Job) => {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        await processArchiveIdleDrafts({ store, logger }, job.data);
        metrics?.jobRan(RETENTION_SWEEP.queue, job.name, 'completed', seconds());
      } catch (error) {
        metrics?.jobRan(RETENTION_SWEEP.queue, job.name, 'failed', seconds());
        throw error;
      }
    },
    { connection: options.connection, prefix: options.prefix, concurrency: 1 },
  );
  worker.on('failed', (job, error) => logger.error({ job: job?.id, reason: error.message }, 'retention sweep failed'));
  worker.on('error', (error) => logger.warn({ err: error }, 'worker error'));
  return worker;
}
