import { Counter, collectDefaultMetrics, Gauge, Histogram, type Registry } from 'prom-client';
import type { AppMetrics, ConflictKind, JobOutcome, RequestKind, SlackCallOutcome, SlackLane } from '../ports/metrics';

/** The names the app's metrics are exported under (the Grafana dashboard and its test use them). */
export const METRIC_NAMES = {
  ackSeconds: 'threadmodel_slack_ack_seconds',
  slackCalls: 'threadmodel_slack_api_calls_total',
  jobSeconds: 'threadmodel_job_duration_seconds',
  jobs: 'threadmodel_jobs',
  storeRetries: 'threadmodel_store_update_retries_total',
  storeConflicts: 'threadmodel_store_update_conflicts_total',
} as const;

/** The job states counted per queue on each scrape (BullMQ's getJobCounts). */
export const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'paused', 'failed', 'completed'] as const;

/** A queue as the job counts need it: its name and BullMQ's count per state. */
export interface CountedQueue {
  name: string;
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
}

/** Slack wants an ack within 3 s; the buckets resolve the fast end and the edge of that limit. */
const ACK_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];
/** Jobs range from one Slack call to a git push of an export. */
const JOB_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/**
 * A name from the app's own code as a label (a Web API method `chat.postMessage`, a job
 * `review.nudge`); anything of another shape is `other`, so a label can never carry odd text.
 */
function nameLabel(name: string): string {
  return /^[A-Za-z][A-Za-z0-9._-]{0,59}$/.test(name) ? name : 'other';
}

/** `{reviews}` -> `reviews`: the hash tag's braces are Redis Cluster's business, not the dashboard's. */
export function queueLabel(name: string): string {
  return nameLabel(name.replace(/^\{(.*)\}$/, '$1'));
}

export interface ProcessMetrics extends AppMetrics {
  registry: Registry;
  /** Counts these queues' jobs per state on every scrape (the counts are the deployment's, read from Redis). */
  countJobsOf(queues: readonly CountedQueue[]): void;
}

/**
 * The process's metrics on its own registry (never prom-client's global one: several apps run in
 * one test process), with Node's default process metrics beside them.
 */
export function createAppMetrics(registry: Registry): ProcessMetrics {
  const registers = [registry];
  collectDefaultMetrics({ register: registry });
  const ack = new Histogram({
    name: METRIC_NAMES.ackSeconds,
    help: "Time from Slack's request reaching the app to its acknowledgement, per kind of request",
    labelNames: ['kind'] as const,
    buckets: ACK_BUCKETS,
    registers,
  });
  const calls = new Counter({
    name: METRIC_NAMES.slackCalls,
    help: 'Slack Web API calls per client lane, method and outcome (ok, error, rate_limited)',
    labelNames: ['lane', 'method', 'outcome'] as const,
    registers,
  });
  const jobSeconds = new Histogram({
    name: METRIC_NAMES.jobSeconds,
    help: 'How long one run of a job took on a worker, per queue, job name and outcome',
    labelNames: ['queue', 'job', 'outcome'] as const,
    buckets: JOB_BUCKETS,
    registers,
  });
  const retries = new Counter({
    name: METRIC_NAMES.storeRetries,
    help: 'Model updates that lost the compare-and-set to another writer and were tried again',
    registers,
  });
  const conflicts = new Counter({
    name: METRIC_NAMES.storeConflicts,
    help: 'Model updates that gave up with a version conflict (stale: the form was older; exhausted: every attempt lost)',
    labelNames: ['kind'] as const,
    registers,
  });
  let counted: readonly CountedQueue[] = [];
  new Gauge({
    name: METRIC_NAMES.jobs,
    help: 'Jobs per queue and state, read from Redis on each scrape (the same for every process of a deployment)',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      await Promise.all(
        counted.map(async (queue) => {
          // An unreachable Redis leaves the queue out of this scrape; /readyz says why.
          const counts = await queue.getJobCounts(...JOB_STATES).catch(() => undefined);
          if (!counts) return;
          for (const state of JOB_STATES) this.set({ queue: queueLabel(queue.name), state }, counts[state] ?? 0);
        }),
      );
    },
  });
  return {
    registry,
    countJobsOf(queues) {
      counted = [...queues];
    },
    acked(kind: RequestKind, seconds: number) {
      ack.observe({ kind }, seconds);
    },
    slackCall(lane: SlackLane, method: string, outcome: SlackCallOutcome) {
      calls.inc({ lane, method: nameLabel(method), outcome });
    },
    jobRan(queue: string, job: string, outcome: JobOutcome, seconds: number) {
      jobSeconds.observe({ queue: queueLabel(queue), job: nameLabel(job), outcome }, seconds);
    },
    updateRetried() {
      retries.inc();
    },
    updateConflicted(kind: ConflictKind) {
      conflicts.inc({ kind });
    },
  };
}
