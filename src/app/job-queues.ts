import { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, type ReviewQueues } from '../jobs/bullmq-review-jobs';
import type { Logger } from '../logger';
import { QUEUES } from '../ports/job-payloads';
import type { RedisClient } from '../store/redis-connection';
import type { RedisKeys } from '../store/redis-keys';

/** The queues the app's jobs go on, one per QUEUES entry. */
export type JobQueues = ReviewQueues & { exports: Queue };

/** The queues, on the app's connection (adding a job is one command; only workers block). */
export function createJobQueues(redis: RedisClient, keys: RedisKeys, logger: Logger): JobQueues {
  const queue = (name: string) => {
    const created = new Queue(name, {
      connection: redis,
      prefix: keys.jobsPrefix(),
      defaultJobOptions: DEFAULT_JOB_OPTIONS,
    });
    created.on('error', (error) => logger.warn({ err: error, queue: name }, 'queue error'));
    return created;
  };
  return { reviews: queue(QUEUES.reviews), reminders: queue(QUEUES.reminders), exports: queue(QUEUES.exports) };
}

/** Runs every delayed job now (reminders included), as if their time had come; returns how many. */
export async function promoteDelayed(queues: JobQueues): Promise<number> {
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
}

/** How many jobs wait for their time (reminders, retries). */
export async function pendingJobs(queues: JobQueues): Promise<number> {
  const counts = await Promise.all(Object.values(queues).map((queue) => queue.getDelayedCount()));
  return counts.reduce((sum, count) => sum + count, 0);
}

export async function closeJobQueues(queues: JobQueues): Promise<void> {
  await Promise.all(Object.values(queues).map((queue) => queue.close()));
}
