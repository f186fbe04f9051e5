/**
 * Benchmark of review reminders (`npm run bench:reminders`). Starts its own redis-server and two
 * Slack stand-ins in processes of their own, then prints:
 *
 * 1. Scheduling: `scheduleReviewNudge` for BENCH_REMINDERS (10,000) models in review, due in a day,
 *    with no workers running: time in total and per reminder, reminders/s, and Redis memory per
 *    reminder (INFO used_memory across the scheduling only), next to the floor measured in the same
 *    run: a plain BullMQ `queue.add` of an empty delayed job on the same Redis. Then the same models
 *    rescheduled (the next nudge replacing the pending one, as each nudge does) by 16 writers.
 * 2. Delivery: BENCH_DUE (2,000) nudges due at once, to BENCH_REVIEWERS (200) reviewers, run by
 *    workers (BENCH_CONCURRENCY, 20) against the stand-in; once with no limits (the app alone) and
 *    once with Slack's limits on chat.postMessage (1/s per channel, 100/s per method). Prints the
 *    wall time until every DM is stored, the lower bound the limits allow, 429s and duplicates.
 *
 * Numbers, not assertions: compare the ratios between runs.
 */
import { WebClient } from '@slack/web-api';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { z } from 'zod';
import type { RateLimits, RateWindow } from '../dev/stand-in/rate-limits';
import type { StandInStats } from '../dev/stand-in/stand-in-stats';
import { BOT, CHANNELS, syntheticUserId, TEAM_ID, USERS } from '../dev/stand-in/workspace';
import { compose } from '../src/app/compose';
import type { ComposedApp, ComposeOptions } from '../src/app/compose-options';
import { loadFlowAndCatalog } from '../src/app/load-data';
import { loadConfig } from '../src/config';
import type { ThreatModel } from '../src/domain/model';
import { assignReviewer, requestReview } from '../src/domain/review-workflow';
import { PROJECT_ROOT, SHIPPED_FLOW_FILE } from '../src/paths';
import { jobIds, type ReviewNudgeJob } from '../src/ports/job-payloads';
import type { RedisKeys } from '../src/store/redis-keys';
import type { RedisModelStore } from '../src/store/redis-model-store';
import { startRedisServer } from '../src/store/redis-server-process';
import { measure, type Result, row } from './measure';
import { startRemoteStandIn } from './remote-stand-in';

function positiveInt(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number >= 1`);
  return value;
}

const REMINDERS = positiveInt('BENCH_REMINDERS', 10_000);
const DUE = positiveInt('BENCH_DUE', 2000);
const REVIEWERS = positiveInt('BENCH_REVIEWERS', 200);
const CONCURRENCY = positiveInt('BENCH_CONCURRENCY', 20);
/** interleaved: reviewer i % R (a reviewer's nudges are R jobs apart); grouped: a reviewer's nudges in a row. */
const ORDER = process.env.BENCH_ORDER === 'grouped' ? 'grouped' : 'interleaved';
/** Give up waiting for the DMs after this long, so the run stays short whatever happens. */
const DEADLINE_MS = positiveInt('BENCH_DEADLINE_S', 60) * 1000;
const RESCHEDULE_WRITERS = 16;

const WS = TEAM_ID;
const CHANNEL = CHANNELS.PAYMENTS.id;
const OWNER = USERS.ALICE.id;
const DAY_MS = 24 * 60 * 60 * 1000;
const POLL_MS = 100;

const PER_CHANNEL: RateWindow = { max: 1, windowMs: 1000 };
const PER_METHOD: RateWindow = { max: 100, windowMs: 1000 };
/** Only chat.postMessage is limited; chat.getPermalink and the rest are not. */
const SLACK_LIMITS: RateLimits = { 'chat.postMessage': { perChannel: PER_CHANNEL, perMethod: PER_METHOD } };

const fmt = (n: number, digits = 0) => n.toFixed(digits);

// ---------------------------------------------------------------------------------------------
// The stand-in in its own process (bench/stand-in-process.ts)

const StandInStatsSchema = z.object({
  calls: z.record(z.string(), z.number()),
  rateLimited: z.number(),
  messages: z.record(z.string(), z.number()),
  duplicates: z.number(),
}) satisfies z.ZodType<StandInStats>;

interface RemoteStandIn {
  apiUrl: string;
  stats(): Promise<StandInStats>;
  close(): Promise<void>;
}

async function startStandIn(env: Record<string, string>): Promise<RemoteStandIn> {
  const remote = await startRemoteStandIn(env);
  return {
    apiUrl: remote.apiUrl,
    stats: () => remote.request('stats', {}, StandInStatsSchema),
    close: () => remote.close(),
  };
}

/** The model card every model's thread hangs off (chat.getPermalink needs a real message). */
async function postModelCard(apiUrl: string): Promise<string> {
  const client = new WebClient(BOT.token, { slackApiUrl: apiUrl, retryConfig: { retries: 0 } });
  const posted = await client.chat.postMessage({ channel: CHANNEL, text: 'Threat models for the bench' });
  if (!posted.ts) throw new Error('the stand-in gave the card no ts');
  return posted.ts;
}

// ---------------------------------------------------------------------------------------------
// Models in review, and their nudges

interface Plan {
  count: number;
  reviewerOf: (i: number) => string;
  requestedAt: Date;
  dueAt: Date;
  threadTs: string;
}

/** `count` models, each asked for review by its owner and assigned to `reviewerOf(i)`. */
async function createInReview(store: RedisModelStore, plan: Plan): Promise<ThreatModel[]> {
  const models: ThreatModel[] = [];
  const at = plan.requestedAt;
  await measure(32, plan.count, async (_, i) => {
    const created = await store.create(
      { workspaceId: WS, channelId: CHANNEL, ownerId: OWNER, title: `Bench feature ${i}`, threadTs: plan.threadTs },
      OWNER,
    );
    const { model } = await store.update(
      { workspaceId: WS, modelId: created.id },
      { actor: OWNER, action: 'review.request' },
      (m) => {
        const requested = requestReview(m, { by: OWNER, at, allowIncomplete: true });
        if (!requested.ok) throw new Error(requested.message);
        const assigned = assignReviewer(requested.model, {
          reviewerId: plan.reviewerOf(i),
          by: 'system',
          at,
          dueAt: plan.dueAt,
          how: 'assigned',
        });
        if (!assigned.ok) throw new Error(assigned.message);
        return assigned.model;
      },
    );
    models[i] = model;
  });
  return models;
}

/** The first nudge of a model's review, as the assign use case (use-cases/review-assignment) schedules it. */
function firstNudge(model: ThreatModel): { job: ReviewNudgeJob; at: Date } {
  const review = model.review;
  if (!review?.reviewerId || !review.dueAt) throw new Error(`${model.id} has no reviewer`);
  const job: ReviewNudgeJob = {
    workspaceId: model.workspaceId,
    modelId: model.id,
    requestedAt: review.requestedAt,
    reviewerId: review.reviewerId,
    dueAt: review.dueAt,
    timeZone: 'UTC',
    round: review.history.length,
    nudge: 1,
    escalated: false,
  };
  return { job, at: new Date(review.dueAt) };
}

function reviewerOf(i: number, count: number): string {
  if (ORDER === 'interleaved') return syntheticUserId((i % REVIEWERS) + 1);
  return syntheticUserId(Math.floor(i / Math.ceil(count / REVIEWERS)) + 1);
}

// ---------------------------------------------------------------------------------------------
// Part 1: scheduling

/** Commands the Redis server has run since it started (every client counted). */
async function commandsProcessed(redis: Redis): Promise<number> {
  const info = await redis.info('stats');
  return Number(/total_commands_processed:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}

interface Scheduled {
  result: Result;
  seconds: number;
  bytes: number;
}

async function timed(
  redis: Redis,
  writers: number,
  count: number,
  op: (i: number) => Promise<unknown>,
): Promise<Scheduled> {
  const before = await usedMemory(redis);
  const started = performance.now();
  const result = await measure(writers, count, (_, i) => op(i));
  const seconds = (performance.now() - started) / 1000;
  return { result, seconds, bytes: (await usedMemory(redis)) - before };
}

function printScheduled(name: string, writers: number, run: Scheduled, floor: Scheduled, count: number): void {
  console.log(
    row([
      name,
      writers,
      fmt(run.seconds, 2),
      fmt((run.seconds * 1e6) / count, 0),
      fmt(count / run.seconds),
      fmt(run.result.p50, 3),
      fmt(run.result.p99, 3),
      fmt(run.bytes / count),
      fmt(run.seconds / floor.seconds, 1),
    ]),
  );
}

async function memoryUsage(redis: Redis, key: string): Promise<number> {
  return Number(await redis.call('MEMORY', 'USAGE', key, 'SAMPLES', '0'));
}

/** Where a reminder's bytes are: its job hash, the model's reminder hash, and the floor's job hash. */
async function printMemoryBreakdown(
  redis: Redis,
  keys: RedisKeys,
  queues: { reminders: Queue; floor: Queue },
  model: ThreatModel,
) {
  const { job } = firstNudge(model);
  const jobKey = queues.reminders.toKey(jobIds.reviewNudge({ ...job, nudge: 2 }));
  const [floorJob] = await queues.floor.getDelayed(0, 0);
  const payload = JSON.stringify(job).length;
  console.log(
    `   One reminder (MEMORY USAGE): job hash ${await memoryUsage(redis, jobKey)} B (payload ${payload} B of JSON), ` +
      `model's reminder hash ${await memoryUsage(redis, keys.reminders(model.workspaceId, model.id))} B; ` +
      `floor job hash ${floorJob?.id ? await memoryUsage(redis, queues.floor.toKey(floorJob.id)) : '?'} B. ` +
      'The rest: the delayed set entry and the event stream (capped at about 10,000 entries a queue).',
  );
}

async function benchScheduling(
  redis: Redis,
  keys: RedisKeys,
  runtime: ComposedApp,
  reminders: Queue,
  models: ThreatModel[],
) {
  const floorQueue = new Queue('{bench-floor}', { connection: redis, prefix: keys.jobsPrefix() });
  try {
    const delay = DAY_MS;
    const count = models.length;
    const nudges = models.map(firstNudge);
    /** Nudge number `nudge` of model i; number 2 replaces the pending number 1. */
    const schedule = (i: number, nudge: number) => {
      const next = nudges[i];
      if (!next) throw new Error(`no model ${i}`);
      return runtime.services.jobs.scheduleReviewNudge({ ...next.job, nudge }, next.at);
    };
    const floor1 = await timed(redis, 1, count, () => floorQueue.add('floor', {}, { delay }));
    const app1 = await timed(redis, 1, count, (i) => schedule(i, 1));
    const floor16 = await timed(redis, RESCHEDULE_WRITERS, count, () => floorQueue.add('floor', {}, { delay }));
    const app16 = await timed(redis, RESCHEDULE_WRITERS, count, (i) => schedule(i, 2));

    console.log(`\n1. Scheduling ${count} reminders due in 1 day, no workers running`);
    console.log(
      row([
        'scenario',
        'writers',
        'total s',
        'us/reminder',
        'reminders/s',
        'p50 ms',
        'p99 ms',
        'bytes/rem.',
        'x floor',
      ]),
    );
    printScheduled('floor: queue.add, delayed', 1, floor1, floor1, count);
    printScheduled('scheduleReviewNudge, new', 1, app1, floor1, count);
    printScheduled('floor: queue.add, delayed', RESCHEDULE_WRITERS, floor16, floor16, count);
    printScheduled('scheduleReviewNudge, replace', RESCHEDULE_WRITERS, app16, floor16, count);
    console.log(
      '   floor: empty payload, auto id, no job options. "replace": the next nudge (new job id) replacing the pending one.',
    );
    console.log('   bytes/rem.: INFO used_memory after minus before, over the run only, divided by the count.');
    console.log(
      '   scheduleReviewNudge: HGET previous id, queue.add, HSET id (and, replacing, queue.remove of the old one).',
    );
    if (models[0]) await printMemoryBreakdown(redis, keys, { reminders, floor: floorQueue }, models[0]);
  } finally {
    await floorQueue.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Part 2: nudges coming due at once

/** Earliest time the sliding windows allow for `calls` calls: the last waits floor((calls-1)/max) windows. */
function windowBoundS(calls: number, window: RateWindow): number {
  return calls <= 0 ? 0 : (Math.floor((calls - 1) / window.max) * window.windowMs) / 1000;
}

interface Delivery {
  name: string;
  redisCommands: number;
  seconds: number;
  delivered: number;
  complete: boolean;
  stats: StandInStats;
  failed: number;
  progress: string;
  bound?: { seconds: number; perChannel: number; perMethod: number; busiest: number };
}

const dmCount = (stats: StandInStats) =>
  Object.entries(stats.messages)
    .filter(([channel]) => channel.startsWith('D'))
    .reduce((sum, [, count]) => sum + count, 0);

/** Polls the stand-in until `expected` DMs are stored or the deadline passes. */
async function waitForDms(standIn: RemoteStandIn, expected: number, started: number) {
  const samples: { at: number; delivered: number }[] = [];
  let stats = await standIn.stats();
  while (dmCount(stats) < expected && performance.now() - started < DEADLINE_MS) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    stats = await standIn.stats();
    samples.push({ at: performance.now() - started, delivered: dmCount(stats) });
  }
  const seconds = (performance.now() - started) / 1000;
  const marks: string[] = [];
  for (let s = 5; s < seconds; s += 5) {
    const sample = samples.find((candidate) => candidate.at >= s * 1000);
    if (sample) marks.push(`${s} s: ${sample.delivered}`);
  }
  return { stats, seconds, delivered: dmCount(stats), progress: marks.join(', ') };
}

async function benchDelivery(
  name: string,
  standIn: RemoteStandIn,
  limited: boolean,
  deps: {
    redis: Redis;
    store: RedisModelStore;
    scheduler: ComposedApp;
    composeOptions: ComposeOptions;
    reminders: Queue;
  },
): Promise<Delivery> {
  const threadTs = await postModelCard(standIn.apiUrl);
  const plan: Plan = {
    count: DUE,
    reviewerOf: (i) => reviewerOf(i, DUE),
    requestedAt: new Date(Date.now() - 4 * DAY_MS),
    dueAt: new Date(Date.now() - 60 * 60 * 1000),
    threadTs,
  };
  const models = await createInReview(deps.store, plan);
  // Due an hour ago: each goes straight to the wait list, in this order.
  for (const model of models) {
    const { job, at } = firstNudge(model);
    await deps.scheduler.services.jobs.scheduleReviewNudge(job, at);
  }
  const failedBefore = await deps.reminders.getFailedCount();
  const commandsBefore = await commandsProcessed(deps.redis);

  const started = performance.now();
  const runtime = await compose({
    ...deps.composeOptions,
    credentials: { botToken: BOT.token, apiUrl: standIn.apiUrl },
    workers: { run: true, concurrency: CONCURRENCY },
  });
  let waited: Awaited<ReturnType<typeof waitForDms>>;
  try {
    waited = await waitForDms(standIn, DUE, started);
  } finally {
    await runtime.stop(); // waits for the running jobs (each schedules its next nudge)
  }
  const redisCommands = (await commandsProcessed(deps.redis)) - commandsBefore;
  const stats = await standIn.stats();
  const perReviewer = new Map<string, number>();
  for (let i = 0; i < DUE; i++) perReviewer.set(plan.reviewerOf(i), (perReviewer.get(plan.reviewerOf(i)) ?? 0) + 1);
  const busiest = Math.max(...perReviewer.values());
  const perChannel = windowBoundS(busiest, PER_CHANNEL);
  const perMethod = windowBoundS(DUE, PER_METHOD);
  return {
    name,
    redisCommands,
    seconds: waited.seconds,
    delivered: waited.delivered,
    complete: waited.delivered >= DUE,
    stats,
    failed: (await deps.reminders.getFailedCount()) - failedBefore,
    progress: waited.progress,
    ...(limited && { bound: { seconds: Math.max(perChannel, perMethod), perChannel, perMethod, busiest } }),
  };
}

function printDeliveries(runs: Delivery[]): void {
  console.log(
    `\n2. ${DUE} nudges due at once to ${REVIEWERS} reviewers (${ORDER}), ${CONCURRENCY} concurrent jobs, stand-in in its own process`,
  );
  console.log(
    row([
      'run',
      'DMs',
      'wall s',
      'DMs/s',
      'bound s',
      'x bound',
      '429s',
      'postMessage',
      'getPermalink',
      'Redis cmd/DM',
      'duplicates',
    ]),
  );
  for (const run of runs) {
    console.log(
      row([
        run.name,
        run.complete ? run.delivered : `${run.delivered} (!)`,
        fmt(run.seconds, 2),
        fmt(run.delivered / run.seconds),
        run.bound ? fmt(run.bound.seconds, 1) : '-',
        run.bound ? `${run.complete ? '' : '>'}${fmt(run.seconds / run.bound.seconds, 2)}` : '-',
        run.stats.rateLimited,
        run.stats.calls['chat.postMessage'] ?? 0,
        run.stats.calls['chat.getPermalink'] ?? 0,
        fmt(run.redisCommands / Math.max(1, run.delivered), 1),
        run.stats.duplicates,
      ]),
    );
  }
  for (const run of runs) {
    console.log(`   ${run.name}: delivered by ${run.progress || '(all within 5 s)'}; failed jobs ${run.failed}`);
    if (!run.complete) console.log(`   ${run.name}: NOT ALL DELIVERED within ${DEADLINE_MS / 1000} s`);
    if (run.bound) {
      console.log(
        `   lower bound ${fmt(run.bound.seconds, 1)} s = max(per channel: ${run.bound.busiest} DMs to one reviewer at ` +
          `${PER_CHANNEL.max}/${PER_CHANNEL.windowMs} ms = ${fmt(run.bound.perChannel, 1)} s, per method: ${DUE} ` +
          `at ${PER_METHOD.max}/${PER_METHOD.windowMs} ms = ${fmt(run.bound.perMethod, 1)} s)`,
      );
    }
    console.log(
      run.stats.duplicates === 0
        ? `   ${run.name}: duplicates 0 (none, as required)`
        : `   ${run.name}: DUPLICATES ${run.stats.duplicates}: MUST BE ZERO`,
    );
  }
  console.log(
    '   Limits: chat.postMessage 1 per second per channel (a DM counts as its user) and 100 per second in all;' +
      ' chat.getPermalink and every other method unlimited. 429s pause the whole reminders queue for Retry-After.',
  );
  console.log(
    '   wall s: from starting the workers to the last DM stored (polled every 100 ms). Redis cmd/DM: commands the' +
      ' server ran in the run (BullMQ Lua-internal ones included) per DM.',
  );
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const redisServer = await startRedisServer();
    cleanups.unshift(() => redisServer.destroy());
    const redis = new Redis(redisServer.url);
    cleanups.unshift(() => redis.quit());
    const extraUsers = { STAND_IN_EXTRA_USERS: String(REVIEWERS) };
    const limitedStandIn = await startStandIn({
      ...extraUsers,
      STAND_IN_RATE_LIMITS: JSON.stringify(SLACK_LIMITS),
    });
    cleanups.unshift(() => limitedStandIn.close());
    const freeStandIn = await startStandIn(extraUsers);
    cleanups.unshift(() => freeStandIn.close());

    // The app composed as a worker process is (no Slack app); this one only schedules.
    const config = loadConfig(
      { LOG_LEVEL: 'silent', REDIS_URL: redisServer.url, REDIS_KEY_PREFIX: 'bench-reminders:' },
      { cwd: PROJECT_ROOT, flowFile: SHIPPED_FLOW_FILE },
    );
    const composeOptions: ComposeOptions = {
      config,
      ...loadFlowAndCatalog(config),
      serveSlack: false,
      credentials: { botToken: BOT.token, apiUrl: limitedStandIn.apiUrl },
      retry: { jobs: { retries: 0 } },
      workers: { run: false },
    };
    const scheduler = await compose(composeOptions);
    cleanups.unshift(() => scheduler.stop());
    const { store, keys } = scheduler;
    const { reminders } = scheduler.queues;

    console.log(`Reminders benchmark: Redis ${redisServer.url}, Node ${process.version}`);
    const setupStarted = performance.now();
    const models = await createInReview(store, {
      count: REMINDERS,
      reviewerOf: (i) => reviewerOf(i, REMINDERS),
      requestedAt: new Date(),
      dueAt: new Date(Date.now() + DAY_MS),
      threadTs: '1700000000.000100',
    });
    console.log(`(${REMINDERS} models created in review in ${fmt((performance.now() - setupStarted) / 1000, 1)} s)`);
    await benchScheduling(redis, keys, scheduler, reminders, models);

    const deps = { redis, store, scheduler, composeOptions, reminders };
    const runs = [
      await benchDelivery('no limits (app alone)', freeStandIn, false, deps),
      await benchDelivery('Slack limits', limitedStandIn, true, deps),
    ];
    printDeliveries(runs);
    const delayed = await reminders.getDelayedCount();
    console.log(
      `   Pending reminders afterwards: ${delayed} (expected ${REMINDERS + 2 * DUE}: each nudge scheduled its next)`,
    );
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
