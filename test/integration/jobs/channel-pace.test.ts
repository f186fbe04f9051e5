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

const { APPSEC1, APPSEC2, DAVE } = USERS;
const dmOf = (userId: string) => `D${userId.slice(1)}`;

describe("job messages keep to Slack's pace of one per second per channel", () => {
  let redis: Redis;
  let closeRedis: () => Promise<void>;
  let standIn: SlackStandIn;
  let runtime: ComposedApp;

  beforeAll(async () => {
    const server = await testRedis();
    closeRedis = server.close;
    redis = new Redis(server.url);
    standIn = await startSlackStandIn({
      rateLimits: { 'chat.postMessage': { perChannel: { max: 1, windowMs: 1000 } } },
    });
    const keys = new RedisKeys(uniquePrefix());
    runtime = await startStandaloneRuntime({
      redisUrl: server.url,
      keyPrefix: keys.prefix,
      apiUrl: standIn.apiUrl,
      workers: { run: true, concurrency: 6 },
    });
    const store = new RedisModelStore({ redis, keys });
    // Three nudges for one reviewer and one each for two others, all due now.
    for (const reviewer of [APPSEC1, APPSEC1, APPSEC1, APPSEC2, DAVE]) {
      const { nudge } = await seedModelInReview(store, reviewer.id);
      await runtime.services.jobs.scheduleReviewNudge(nudge, new Date());
    }
  });
  afterAll(async () => {
    await runtime.stop();
    await standIn.close();
    await redis.quit();
    await closeRedis();
  });

  it('spaces one reviewer’s DMs a second apart without a 429, and does not hold up the others', async () => {
    await eventually('three DMs to the busy reviewer', () => standIn.messages(dmOf(APPSEC1.id)).length === 3, 15_000);
    const calls = standIn.calls.filter((call) => call.method === 'chat.postMessage');
    expect(calls.filter((call) => call.status === 429)).toEqual([]);
    const [first = 0, second = 0, third = 0] = calls
      .filter((call) => call.args.channel === APPSEC1.id)
      .map((call) => call.at.getTime());
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(third - second).toBeGreaterThanOrEqual(900);
    // The other reviewers were not made to wait for the busy one.
    const others = calls.filter((call) => call.args.channel !== APPSEC1.id).map((call) => call.at.getTime());
    expect(Math.max(...others)).toBeLessThan(second);
  });
});
