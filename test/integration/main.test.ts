import { Redis } from 'ioredis';
import { StoreUnavailableError } from '../../src/errors';
import { start } from '../../src/main';
import { RedisKeys } from '../../src/store/redis-keys';
import { RedisModelStore } from '../../src/store/redis-model-store';
import { ALICE } from '../support/build-model';
import { testRedis, uniquePrefix } from '../support/redis-server';

describe('start-up', () => {
  let redis: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    redis = await testRedis();
  });
  afterAll(() => redis.close());

  it('loads flow and catalog, connects the store and archives drafts idle past the retention period', async () => {
    const prefix = uniquePrefix();
    const client = new Redis(redis.url);
    try {
      const past = new RedisModelStore({
        redis: client,
        keys: new RedisKeys(prefix),
        clock: () => new Date('2020-01-01T00:00:00Z'),
      });
      const old = await past.create(
        { title: 'Forgotten', workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', ownerId: ALICE },
        ALICE,
      );
      await start({ LOG_LEVEL: 'silent', REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix, DRAFT_RETENTION_DAYS: '30' });
      expect((await past.require({ workspaceId: 'T0WORKSPC', modelId: old.id })).status).toBe('archived');
    } finally {
      await client.quit();
    }
  });

  it('stops with a clear error when Redis cannot be reached', async () => {
    await expect(start({ LOG_LEVEL: 'silent', REDIS_URL: 'redis://127.0.0.1:1' })).rejects.toThrow(
      StoreUnavailableError,
    );
  });

  it('stops with every configuration problem listed', async () => {
    await expect(start({ LOG_LEVEL: 'loud', DRAFT_RETENTION_DAYS: 'never' })).rejects.toThrow(
      /Configuration is invalid \(2 problems\)/,
    );
  });
});
