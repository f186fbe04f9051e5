import { Redis } from 'ioredis';
import { loadCatalog } from '../../../src/catalog/load-catalog';
import { type ReviewRuntime, startReviewRuntime } from '../../../src/jobs/review-runtime';
import { createLogger } from '../../../src/logger';
import { SHIPPED_CATALOG_DIR } from '../../../src/paths';
import { MessageRefStore } from '../../../src/store/message-refs';
import { RedisKeys } from '../../../src/store/redis-keys';
import { RedisModelStore } from '../../../src/store/redis-model-store';
import { type RedisServer, startRedisServer } from '../../../src/store/redis-server-process';
import { defaultFlow } from '../../support/build-model';
import { eventually } from '../../support/eventually';
import { seedModelInReview } from '../../support/models-in-review';
import { uniquePrefix } from '../../support/redis-server';
import { type SlackStandIn, startSlackStandIn } from '../../support/slack/stand-in-server';
import { BOT, CHANNELS, USERS } from '../../support/slack/workspace';

const REVIEWERS = [USERS.APPSEC1, USERS.APPSEC2, USERS.DAVE];
const dmOf = (userId: string) => `D${userId.slice(1)}`;

describe('reminders across a Redis restart (AOF on)', () => {
  let server: RedisServer;
  let redis: Redis;
  let standIn: SlackStandIn;
  let runtime: ReviewRuntime | undefined;

  beforeAll(async () => {
    server = await startRedisServer({ aof: true });
    redis = new Redis(server.url, { retryStrategy: (times) => Math.min(times * 100, 1000) });
    standIn = await startSlackStandIn();
  });
  afterAll(async () => {
    await runtime?.close();
    await standIn.close();
    redis.disconnect();
    await server.destroy();
  });

  it('fires every reminder scheduled before Redis was killed and restarted, once each', async () => {
    const keys = new RedisKeys(uniquePrefix());
    const store = new RedisModelStore({ redis, keys });
    runtime = await startReviewRuntime({
      redisUrl: server.url,
      redis,
      keys,
      store,
      messageRefs: new MessageRefStore(redis, keys),
      flow: defaultFlow(),
      catalog: loadCatalog([SHIPPED_CATALOG_DIR]),
      clock: () => new Date(),
      logger: createLogger('silent'),
      slack: { botToken: BOT.token, apiUrl: standIn.apiUrl },
      appsec: { channelId: CHANNELS.APPSEC.id, usergroupId: undefined },
      settings: { slaWorkingDays: 3, holidays: [] },
      workers: { run: true, concurrency: 2 },
    });
    const fireAt = new Date(Date.now() + 4000);
    for (const reviewer of REVIEWERS) {
      const { nudge } = await seedModelInReview(store, reviewer.id);
      await runtime.jobs.scheduleReviewNudge(nudge, fireAt);
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
