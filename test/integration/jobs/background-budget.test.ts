import { Redis } from 'ioredis';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { TEAM_ID, USERS } from '../../../dev/stand-in/workspace';
import type { ComposedApp } from '../../../src/app/compose-options';
import { RedisKeys } from '../../../src/store/redis-keys';
import { RedisModelStore } from '../../../src/store/redis-model-store';
import { RedisSlackBudget } from '../../../src/store/slack-budget';
import { eventually } from '../../support/eventually';
import { seedModelInReview } from '../../support/models-in-review';
import { testRedis, uniquePrefix } from '../../support/redis-server';
import { startStandaloneRuntime } from '../../support/standalone-runtime';

const { APPSEC1 } = USERS;
const dmOf = (userId: string) => `D${userId.slice(1)}`;

describe('job messages spend the workspace budget of the background lane', () => {
  let redis: Redis;
  let closeRedis: () => Promise<void>;
  let standIn: SlackStandIn;
  let runtime: ComposedApp;
  let keys: RedisKeys;

  beforeAll(async () => {
    const server = await testRedis();
    closeRedis = server.close;
    redis = new Redis(server.url);
    standIn = await startSlackStandIn();
    keys = new RedisKeys(uniquePrefix());
    runtime = await startStandaloneRuntime({
      redisUrl: server.url,
      keyPrefix: keys.prefix,
      apiUrl: standIn.apiUrl,
      workers: { run: true, concurrency: 2 },
    });
  });
  afterAll(async () => {
    await runtime.stop();
    await standIn.close();
    await redis.quit();
    await closeRedis();
  });

  it('holds a nudge back while Slack has paused chat.postMessage for the workspace, then posts it', async () => {
    // Another process met a 429 on chat.postMessage: the pause is in Redis for every process.
    await new RedisSlackBudget(redis, keys).pause(TEAM_ID, 'chat.postMessage', 60_000);
    const { nudge } = await seedModelInReview(new RedisModelStore({ redis, keys }), APPSEC1.id);
    await runtime.services.jobs.scheduleReviewNudge(nudge, new Date());

    // The nudge ran, met the pause, and waits as a delayed job; nothing was sent, nothing failed.
    await eventually('the nudge delayed by the pause', async () =>
      (await runtime.queues.reminders.getDelayed()).some((job) => job.processedOn !== undefined),
    );
    expect(standIn.callsTo('chat.postMessage')).toEqual([]);
    expect(await runtime.queues.reminders.getFailedCount()).toBe(0);

    await redis.del(keys.budgetPause(TEAM_ID, 'chat.postMessage'));
    await runtime.promoteDelayed();
    await eventually('the nudge posted', () => standIn.messages(dmOf(APPSEC1.id)).length === 1);
    expect(standIn.callsTo('chat.postMessage').every((call) => call.status === 200)).toBe(true);
  });
});
