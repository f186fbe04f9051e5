import { performance } from 'node:perf_hooks';
import { type ConnectionOptions, DelayedError, type Job, type Queue, UnrecoverableError, Worker } from 'bullmq';

import { type AppError, BudgetSpentError, ChannelBusyError, UnknownJobError } from '../errors';
import type { Logger } from '../logger';
import { JOBS, ModelJobRefSchema, QUEUES } from '../ports/job-payloads';
import type { JobMetrics, JobOutcome } from '../ports/metrics';
import { notice } from '../slack/views/thread-messages';
import { inWorkspace } from '../slack/workspace-scope';
import { attemptFailure, jobFailure, jobFailureNote } from './job-failures';
import { processCatalogProposal } from './processors/catalog-proposal';
import { processDraftIdle } from './processors/draft-idle';
import { processModelExport } from './processors/model-export';
import { processModelReuse } from './processors/model-reuse';
import type { ProcessorDeps } from './processors/processor-deps';
import { processReviewNudge } from './processors/review-nudge';
import { processReviewRequest } from './processors/review-request';
import { processThreadPicture } from './processors/thread-picture';
import { rateLimitedFor } from './slack-failures';

type Processor = (deps: ProcessorDeps, data: unknown, jobId: string) => Promise<void>;

const PROCESSORS: Record<string, Processor> = {
  [JOBS.reviewRequest]: processReviewRequest,
  [JOBS.reviewNudge]: processReviewNudge,
  [JOBS.draftIdle]: processDraftIdle,
  [JOBS.modelExport]: processModelExport,
  [JOBS.threadPicture]: processThreadPicture,
  [JOBS.modelReuse]: processModelReuse,
  [JOBS.catalogProposal]: processCatalogProposal,
};

/**
 * Where possible, the model's thread hears that a job gave up (nothing in the model is lost), in
 * friendly words chosen by the failure's code and with the job id to quote; never the raw reason.
 */
async function noteFailureInThread(deps: ProcessorDeps, job: Job, failure: AppError): Promise<void> {
  const ref = ModelJobRefSchema.safeParse(job.data);
  if (!ref.success) return;
  const model = await deps.store.get(ref.data);
  if (!model?.threadTs) return;
  await deps.client.chat.postMessage({
    channel: model.channelId,
    thread_ts: model.threadTs,
    ...notice(jobFailureNote({ name: job.name, id: job.id ?? job.name }, model.id, failure)),
  });
}

export interface WorkerOptions {
  /** A connection with `maxRetriesPerRequest: null`, as BullMQ workers require. */
  connection: ConnectionOptions;
  prefix: string;
  /** The queues of the same names, to pause one when Slack rate-limits us. */
  queues: Record<keyof typeof QUEUES, Queue>;
  concurrency: number;
  deps: ProcessorDeps;
  /**
   * The deps of a job that names its workspace: their Slack client and delivery spend that
   * workspace's budget (the background lane). Default: `deps` for every job.
   */
  depsFor?: (workspaceId: string) => ProcessorDeps;
  logger: Logger;
  /** Lock and stall check (ms): how soon a job of a killed worker runs again. BullMQ's default 30 s. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
  /** Where each job run's duration and outcome is reported. */
  metrics?: JobMetrics;
}

export interface Workers {
  /** Resolves once every worker is connected and taking jobs. */
  ready(): Promise<void>;
  /** Stop taking jobs and wait for the running ones (graceful shutdown). */
  close(): Promise<void>;
}

/**
 * One worker per queue, dispatching on the job name. A job whose workspace budget is spent (the
 * background lane's clients turn Slack's 429 into a pause of that workspace and method in Redis)
 * is delayed alone. A 429 from elsewhere pauses the queue for the
 * Retry-After it gave and puts the job back (it is not dropped, and the attempt is not counted);
 * a permanent Slack error or a bad payload fails the job once with a clear log line.
 */
export function startWorkers(options: WorkerOptions): Workers {
  const { deps, logger } = options;
  const workers = (Object.keys(QUEUES) as (keyof typeof QUEUES)[]).map((key) => {
    const queue = options.queues[key];
    const worker: Worker = new Worker(
      QUEUES[key],
      async (job: Job, token?: string) => {
        const processor = PROCESSORS[job.name];
        if (!processor) throw attemptFailure(new UnknownJobError(job.name));
        const ref = ModelJobRefSchema.safeParse(job.data);
        const jobDeps = ref.success && options.depsFor ? options.depsFor(ref.data.workspaceId) : deps;
        const started = performance.now();
        const ran = (outcome: JobOutcome) =>
          options.metrics?.jobRan(QUEUES[key], job.name, outcome, (performance.now() - started) / 1000);
        try {
          // A job of a workspace runs in it: any client resolves that workspace's token (OAuth mode).
          const run = () => processor(jobDeps, job.data, job.id ?? job.name);
          await (ref.success ? inWorkspace({ workspaceId: ref.data.workspaceId }, run) : run());
          ran('completed');
        } catch (error) {
          const deferred =
            error instanceof ChannelBusyError ||
            error instanceof BudgetSpentError ||
            rateLimitedFor(error) !== undefined;
          ran(deferred ? 'deferred' : 'failed');
          if (error instanceof ChannelBusyError || error instanceof BudgetSpentError) {
            // Only this job waits its turn in that channel, or for the workspace's budget; the others go on.
            await job.moveToDelayed(Date.now() + error.retryInMs, token);
            throw new DelayedError();
          }
          const retryAfter = rateLimitedFor(error);
          if (retryAfter !== undefined) {
            logger.info({ job: job.id, retryAfter }, 'Slack rate limit: pausing the queue');
            await queue.rateLimit(retryAfter * 1000);
            throw Worker.RateLimitError();
          }
          throw attemptFailure(error);
        }
      },
      {
        connection: options.connection,
        prefix: options.prefix,
        concurrency: options.concurrency,
        ...(options.lockDurationMs && { lockDuration: options.lockDurationMs }),
        ...(options.stalledIntervalMs && { stalledInterval: options.stalledIntervalMs }),
        maxStalledCount: 3,
      },
    );
    worker.on('failed', (job, error) => {
      if (!job) return;
      const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      if (!final) {
        logger.warn({ job: job.id, name: job.name, err: error }, 'job failed; it will be retried');
        return;
      }
      const failure = jobFailure(error);
      logger.error({ job: job.id, name: job.name, code: failure.code, reason: error.message }, 'job failed for good');
      const ref = ModelJobRefSchema.safeParse(job.data);
      const noteDeps = ref.success && options.depsFor ? options.depsFor(ref.data.workspaceId) : deps;
      noteFailureInThread(noteDeps, job, failure).catch((noteError: unknown) =>
        logger.warn({ err: noteError, job: job.id }, 'could not tell the thread about a failed job'),
      );
    });
    worker.on('error', (error) => logger.warn({ err: error }, 'worker error'));
    return worker;
  });
  return {
    ready: async () => {
      await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    },
    close: async () => {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
