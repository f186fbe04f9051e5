import { Redis } from 'ioredis';
import { type SlackStandIn, startSlackStandIn } from '../../../dev/stand-in/stand-in-server';
import { USERS } from '../../../dev/stand-in/workspace';
import type { ComposedApp } from '../../../src/app/compose-options';
import { RedisKeys } from '../../../src/store/redis-keys';
import { RedisModelStore } from '../../../src/store/redis-model-store';
import { type RedisServer, startRedisServer } from '../../../src/store/redis-server-process';
import { eventually } from '../../support/eventually';
import { seedModelInReview } from '../../support/models-in-review';
import { uniquePrefix } from '../../support/redis-server';
import { startStandaloneRuntime } from '../../support/standalone-runtime';

const REVIEWERS = [USERS.APPSEC1, USERS.APPSEC2, USERS.DAVE];
const dmOf = (userId: string) => `D${userId.slice(1)}`;

describe('reminders across a Redis restart (AOF on)', () => {
  let server: RedisServer;
  let redis: Redis;
  let standIn: SlackStandIn;
  let runtime: ComposedApp | undefined;

  beforeAll(async () => {
    server = await startRedisServer({ aof: true });
    redis = new Redis(server.url, { retryStrategy: (times) => Math.min(times * 100, 1000) });
    standIn = await startSlackStandIn();
  });
  afterAll(async () => {
    await runtime?.stop();
    await standIn.close();
    redis.disconnect();
    await server.destroy();
  });

  it('fires every reminder scheduled before Redis was killed and restarted, once each', async () => {
    const keys = new RedisKeys(uniquePrefix());
    const store = new RedisModelStore({ redis, keys });
    runtime = await startStandaloneRuntime({
      redisUrl: server.url,
      keyPrefix: keys.prefix,
      apiUrl: standIn.apiUrl,
      workers: { run: true, concurrency: 2 },
    });
    const fireAt = new Date(Date.now() + 4000);
    for (const reviewer of REVIEWERS) {
      const { nudge } = await seedModelInReview(store, reviewer.id);
      await runtime.services.jobs.scheduleReviewNudge(nudge, fireAt);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500)); // appendfsync everysec: on disk within a second

    await server.stop('SIGKILL');
    await server.restart();

    for (const reviewer of REVIEWERS) {
      await eventually(`the nudge to ${reviewer.name}`, () => standIn.messages(dmOf(reviewer.id)).length > 0, 25_000);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const reviewer of REVIEWERS) expect(standIn.messages(dmOf(reviewer.id))).toHaveLength(1);
    expect(Date.now()).toBeGreaterThanOrEqual(fireAt.getTime());
  }, 60_000);
});
