import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { USERS } from '../../../dev/stand-in/workspace';
import { BullReviewJobs } from '../../../src/jobs/bullmq-review-jobs';
import { METRIC_NAMES } from '../../../src/ops/app-metrics';
import { QUEUES } from '../../../src/ports/job-payloads';
import { RedisKeys } from '../../../src/store/redis-keys';
import { RedisModelStore } from '../../../src/store/redis-model-store';
import { RedisReminderIndex } from '../../../src/store/reminder-index';
import { eventually } from '../../support/eventually';
import { seedModelInReview } from '../../support/models-in-review';
import { sampleValue, scrape } from '../../support/prometheus-text';
import { type RedisServer, startRedisServer, uniquePrefix } from '../../support/redis-server';

const ROOT = path.resolve(__dirname, '../../..');
const METRICS_TOKEN = 'test-metrics-token-0123456789abcdef';
const REVIEWER_DM = `D${USERS.APPSEC1.id.slice(1)}`;

interface WorkerProcess {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
  /** Resolves once the process logs a line whose message starts with `message`. */
  logged(message: string): Promise<void>;
}

/**
 * `node dist/worker.js` as production runs it, from src/worker.ts in a process of its own, on a free
 * port; resolves with the port its start-up line names.
 */
async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'test/support/ts-register.js'), path.join(ROOT, 'src/worker.ts')],
    {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const messages: string[] = [];
  const waiting: { prefix: string; resolve: () => void }[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    const message = (JSON.parse(line) as { msg?: string }).msg ?? '';
    messages.push(message);
    for (const waiter of waiting.filter((w) => message.startsWith(w.prefix))) waiter.resolve();
  });
  const logged = (prefix: string) =>
    messages.some((message) => message.startsWith(prefix))
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          waiting.push({ prefix, resolve });
          void exited.then((code) => reject(new Error(`the worker exited with ${code} before logging "${prefix}"`)));
        });
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg?.startsWith('listening on port') && entry.port) resolve(entry.port);
    });
    void exited.then((code) => reject(new Error(`the worker exited with ${code} before listening`)));
  });
  return { child, port, exited, logged };
}

/** Schedules a review nudge, due now, on a seeded model in review; the worker sends it to the reviewer's DM. */
async function scheduleNudge(redisUrl: string, keys: RedisKeys): Promise<void> {
  const client = new Redis(redisUrl);
  const producer = new Queue(QUEUES.reminders, { connection: client, prefix: keys.jobsPrefix() });
  try {
    const { nudge } = await seedModelInReview(new RedisModelStore({ redis: client, keys }), USERS.APPSEC1.id);
    await new BullReviewJobs(
      { reviews: producer, reminders: producer },
      new RedisReminderIndex(client, keys),
      () => new Date(),
    ).scheduleReviewNudge(nudge, new Date());
  } finally {
    await producer.close();
    await client.quit();
  }
}

const get = async (port: number, route: string) => {
  const response = await fetch(`http://127.0.0.1:${port}${route}`);
  return { status: response.status, body: await response.text() };
};

// Each test starts real worker processes (TypeScript compiled as they load): slow on a busy machine.
jest.setTimeout(120_000);

describe('a worker process (npm run worker)', () => {
  let redis: RedisServer;
  let standIn: SlackStandIn;
  let worker: WorkerProcess | undefined;

  beforeAll(async () => {
    standIn = await startSlackStandIn();
  });
  beforeEach(async () => {
    standIn.reset();
    // A Redis of this test's own: one test stops it.
    redis = await startRedisServer();
  });
  afterEach(async () => {
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGKILL');
      await worker.exited;
    }
    worker = undefined;
    await redis.destroy();
  });
  afterAll(async () => {
    await standIn.close();
  });

  const env = (prefix: string) => ({
    SLACK_BOT_TOKEN: standIn.token,
    SLACK_API_URL: standIn.apiUrl,
    REDIS_URL: redis.url,
    REDIS_KEY_PREFIX: prefix,
    APPSEC_CHANNEL_ID: 'C0APPSEC0',
    METRICS_TOKEN,
  });

  it('serves /healthz, /readyz and token-protected /metrics with its job counts and runs, then drains on SIGTERM', async () => {
    const prefix = uniquePrefix();
    const keys = new RedisKeys(prefix);
    worker = await startWorkerProcess(env(prefix));
    const { port } = worker;

    expect(await get(port, '/healthz')).toEqual({ status: 200, body: '{"status":"ok"}' });
    expect(await get(port, '/readyz')).toEqual({ status: 200, body: '{"status":"ready"}' });
    expect((await get(port, '/metrics')).status).toBe(401);
    expect((await get(port, '/slack/events')).status).toBe(404);

    const idle = await scrape(port, METRICS_TOKEN);
    for (const queue of ['reviews', 'reminders', 'exports', 'maintenance']) {
      expect(sampleValue(idle, METRIC_NAMES.jobs, { queue, state: 'waiting' })).toBe(0);
    }

    await scheduleNudge(redis.url, keys);
    await eventually('the worker to send the nudge', () => standIn.messages(REVIEWER_DM).length > 0, 15_000);
    const after = await eventually('the nudge to be counted', async () => {
      const samples = await scrape(port, METRICS_TOKEN);
      return sampleValue(samples, METRIC_NAMES.jobs, { queue: 'reminders', state: 'completed' }) === 1
        ? samples
        : undefined;
    });
    expect(
      sampleValue(after, `${METRIC_NAMES.jobSeconds}_count`, {
        queue: 'reminders',
        job: 'review.nudge',
        outcome: 'completed',
      }),
    ).toBe(1);
    expect(sampleValue(after, METRIC_NAMES.slackCalls, { lane: 'background', outcome: 'ok' })).toBeGreaterThan(0);

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('on SIGTERM, waits for the job it is running and still answers /healthz meanwhile, then exits 0', async () => {
    const prefix = uniquePrefix();
    worker = await startWorkerProcess(env(prefix));
    const { port } = worker;
    // The nudge's message reaches Slack, whose answer is kept back: the job is running.
    standIn.holdReplies('chat.postMessage');
    const since = standIn.calls.length;
    await scheduleNudge(redis.url, new RedisKeys(prefix));
    await standIn.waitForCall('chat.postMessage', () => true, 15_000, since);

    worker.child.kill('SIGTERM');
    await worker.logged('shutting down');
    expect(await get(port, '/healthz')).toEqual({ status: 200, body: '{"status":"ok"}' });
    expect(worker.child.exitCode).toBeNull();

    expect(standIn.releaseHeldReplies()).toBe(1);
    expect(await worker.exited).toBe(0);
    expect(standIn.messages(REVIEWER_DM)).toHaveLength(1);
  });

  it('answers /readyz 503 while Redis is down, and /healthz 200 (alive: no restart for a Redis outage)', async () => {
    worker = await startWorkerProcess(env(uniquePrefix()));
    const { port } = worker;
    expect((await get(port, '/readyz')).status).toBe(200);

    await redis.destroy();

    await eventually('readiness to fail', async () => (await get(port, '/readyz')).status === 503);
    expect(await get(port, '/healthz')).toEqual({ status: 200, body: '{"status":"ok"}' });
  });
});
