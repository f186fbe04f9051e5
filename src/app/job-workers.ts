import type { Queue } from 'bullmq';
import { SlackDelivery } from '../jobs/deliver-once';
import type { ProcessorDeps } from '../jobs/processors/processor-deps';
import { startRetentionWorker } from '../jobs/retention-sweep';
import { startWorkers } from '../jobs/workers';
import type { Logger } from '../logger';
import type { JobMetrics } from '../ports/metrics';
import { RedisDeliveryLedger } from '../store/delivery-ledger';
import type { RedisClient } from '../store/redis-connection';
import type { RedisKeys } from '../store/redis-keys';
import type { AppServices } from './compose-options';
import type { JobQueues } from './job-queues';

export interface JobWorkerOptions {
  /** The workers' own connection (`maxRetriesPerRequest: null`). */
  connection: RedisClient;
  /** The app's connection: delivery marks live there. */
  redis: RedisClient;
  keys: RedisKeys;
  queues: JobQueues;
  maintenance: Queue;
  services: AppServices;
  /** The process's logger (the services' one is the Slack listeners'). */
  logger: Logger;
  concurrency: number;
  lockDurationMs?: number | undefined;
  stalledIntervalMs?: number | undefined;
  metrics: JobMetrics;
}

/**
 * The review, reminder and export workers and the maintenance worker, on the process's services:
 * the same store, job ports, AppSec directory, idempotency and card refresher the listeners use,
 * and the jobs' own Web API client. Resolves once every worker takes jobs.
 */
export async function startJobWorkers(options: JobWorkerOptions): Promise<{ close(): Promise<void> }> {
  const { services, redis, keys, logger } = options;
  const prefix = keys.jobsPrefix();
  const client = services.clients.jobs;
  const ledger = new RedisDeliveryLedger(redis, keys);
  const { pacer } = services;
  const base: ProcessorDeps = {
    ...services,
    logger,
    client,
    delivery: new SlackDelivery(client, ledger, pacer),
  };
  // A job of a workspace calls Slack through the background lane, spending that workspace's budget.
  const inWorkspace = new Map<string, ProcessorDeps>();
  const depsFor = (workspaceId: string): ProcessorDeps => {
    const known = inWorkspace.get(workspaceId);
    if (known) return known;
    const background = services.clients.background.client({ workspaceId });
    const deps = { ...base, client: background, delivery: new SlackDelivery(background, ledger, pacer) };
    inWorkspace.set(workspaceId, deps);
    return deps;
  };
  const workers = startWorkers({
    connection: options.connection,
    prefix,
    queues: options.queues,
    concurrency: options.concurrency,
    logger: logger.child({ component: 'jobs' }),
    ...(options.lockDurationMs && { lockDurationMs: options.lockDurationMs }),
    ...(options.stalledIntervalMs && { stalledIntervalMs: options.stalledIntervalMs }),
    deps: base,
    depsFor,
    metrics: options.metrics,
  });
  const maintenance = startRetentionWorker({
    connection: options.connection,
    prefix,
    store: services.store,
    logger: logger.child({ component: 'jobs' }),
    metrics: options.metrics,
  });
  const close = async () => {
    await Promise.all([workers.close(), maintenance.close()]);
  };
  try {
    await Promise.all([workers.ready(), maintenance.waitUntilReady()]);
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
  return { close };
}
