import { Redis } from 'ioredis';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { USERS } from '../../../dev/stand-in/workspace';
import type { ComposedApp } from '../../../src/app/compose-options';
import { RedisKeys } from '../../../src/store/redis-keys';
import { RedisModelStore } from '../../../src/store/redis-model-store';
import { eventually } from '../../support/eventually';
import { seedModelInReview } from '../../support/models-in-review';
import { testRedis, uniquePrefix } from '../../support/redis-server';
import { startStandaloneRuntime } from '../../support/standalone-runtime';
import { workerProcesses } from '../../support/worker-processes';

const { APPSEC1 } = USERS;
const REVIEWER_DM = `D${APPSEC1.id.slice(1)}`;

// Each test starts real worker processes (TypeScript compiled as they load): slow on a busy machine.
jest.setTimeout(120_000);

describe('a worker killed while sending a nudge', () => {
  let redisUrl = '';
  let closeRedis: () => Promise<void> = async () => {};
  let redis: Redis;
  let standIn: SlackStandIn;
  let keys: RedisKeys;
  let store: RedisModelStore;
  let producer: ComposedApp;

  const workers = workerProcesses();
  const startWorker = () =>
    workers.start({ redisEnv: { REDIS_URL: redisUrl }, keyPrefix: keys.prefix, apiUrl: standIn.apiUrl });
  const kill = workers.kill;

  beforeAll(async () => {
    const server = await testRedis();
    redisUrl = server.url;
    closeRedis = server.close;
    redis = new Redis(redisUrl);
    standIn = await startSlackStandIn();
  });
  beforeEach(async () => {
    standIn.reset();
    keys = new RedisKeys(uniquePrefix());
    store = new RedisModelStore({ redis, keys });
    producer = await startStandaloneRuntime({
      redisUrl,
      keyPrefix: keys.prefix,
      apiUrl: standIn.apiUrl,
      workers: { run: false, concurrency: 1 },
    });
  });
  afterEach(async () => {
    await workers.stopAll();
    await producer.stop();
  });
  afterAll(async () => {
    await standIn.close();
    await redis.quit();
    await closeRedis();
  });

  it('after Slack got the message: the restarted worker finds it and does not send it again', async () => {
    const { nudge } = await seedModelInReview(store, APPSEC1.id);
    standIn.holdReplies('chat.postMessage');
    const first = await startWorker();
    await producer.services.jobs.scheduleReviewNudge(nudge, new Date());
    await standIn.waitForCall('chat.postMessage', () => true, 15_000);
    await kill(first); // Slack has the message; the worker never heard back

    await startWorker();
    await eventually(
      'the job to complete',
      async () => (await producer.queues.reminders.getCompletedCount()) > 0,
      20_000,
    );
    expect(standIn.messages(REVIEWER_DM)).toHaveLength(1);
    expect(standIn.calls.filter((call) => call.method === 'chat.postMessage')).toHaveLength(1);
    expect(standIn.calls.some((call) => call.method === 'conversations.history')).toBe(true);
  });

  it('before Slack got the message: the restarted worker sends it once', async () => {
    const { nudge } = await seedModelInReview(store, APPSEC1.id, { threadTs: '1700000000.000100' });
    standIn.holdReplies('chat.getPermalink'); // the nudge looks up the thread link before it posts
    const first = await startWorker();
    await producer.services.jobs.scheduleReviewNudge(nudge, new Date());
    await standIn.waitForCall('chat.getPermalink', () => true, 15_000);
    await kill(first);

    await startWorker();
    await eventually('the DM', () => standIn.messages(REVIEWER_DM).length > 0, 20_000);
    await eventually(
      'the job to complete',
      async () => (await producer.queues.reminders.getCompletedCount()) > 0,
      20_000,
    );
    expect(standIn.messages(REVIEWER_DM)).toHaveLength(1);
  });
});
