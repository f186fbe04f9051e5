/**
 * What the adapters report for the operators' metrics (`GET /metrics`). Each adapter gets only the
 * part it reports; the composition root hands them one implementation per process (src/ops). Every
 * label is one of a few fixed values or a name from the app's own code (a Web API method, a queue,
 * a job name): never user text, ids or secrets.
 */

/** How Slack's request reached the app (the ack latency's label). */
export type RequestKind =
  | 'command'
  | 'action'
  | 'view_submission'
  | 'view_closed'
  | 'shortcut'
  | 'options'
  | 'event'
  | 'other';

/** Which Web API client made a call: see src/app/slack-clients.ts. */
export type SlackLane = 'interactive' | 'background' | 'jobs';

/** A Web API call's outcome: answered, refused with an error, or refused with 429 / `ratelimited`. */
export type SlackCallOutcome = 'ok' | 'error' | 'rate_limited';

/** How one run of a job ended: done, failed (it may be retried), or put back to wait (rate limit, budget, pace). */
export type JobOutcome = 'completed' | 'failed' | 'deferred';

/** Why a store update gave up: the form was based on an older version, or every attempt lost the race. */
export type ConflictKind = 'stale' | 'exhausted';

export interface AckMetrics {
  /** Slack's request was acknowledged `seconds` after the app got it. */
  acked(kind: RequestKind, seconds: number): void;
}

export interface SlackCallMetrics {
  /** One Web API call (an attempt: a call tried again after a 429 counts twice). */
  slackCall(lane: SlackLane, method: string, outcome: SlackCallOutcome): void;
}

export interface JobMetrics {
  /** One run of a job on a worker, how long it took and how it ended. */
  jobRan(queue: string, job: string, outcome: JobOutcome, seconds: number): void;
}

export interface StoreMetrics {
  /** An update lost the compare-and-set to another writer and is tried again. */
  updateRetried(): void;
  /** An update gave up with a version conflict. */
  updateConflicted(kind: ConflictKind): void;
}

/** Everything a process reports. */
export interface AppMetrics extends AckMetrics, SlackCallMetrics, JobMetrics, StoreMetrics {}
