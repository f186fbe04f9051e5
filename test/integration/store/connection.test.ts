import { StoreUnavailableError } from '../../../src/errors';
import { connectRedis, redactRedisUrl } from '../../../src/store/redis-connection';
import { RedisKeys } from '../../../src/store/redis-keys';
import { RedisModelStore } from '../../../src/store/redis-model-store';
import { ALICE } from '../../support/build-model';
import { type RedisServer, startRedisServer } from '../../support/redis-server';

describe('the Redis connection', () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(() => server.destroy());

  it('fails start-up with a clear error, without the password, when Redis is unreachable', async () => {
    const url = `redis://:s3cret@127.0.0.1:${server.port + 1}`;
    const attempt = connectRedis(url, { connectTimeoutMs: 500 });
    await expect(attempt).rejects.toThrow(StoreUnavailableError);
    await expect(connectRedis(url, { connectTimeoutMs: 500 })).rejects.toThrow(
      /^Cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+ \(.+\)\. Start a Redis server or set REDIS_URL \(or REDIS_CLUSTER_NODES, REDIS_SENTINELS\) to one\.$/,
    );
  });

  it('reconnects on its own after Redis restarts, and the store works again', async () => {
    const redis = await connectRedis(server.url);
    try {
      const store = new RedisModelStore({ redis, keys: new RedisKeys('reconnect:') });
      const model = await store.create(
        { title: 'Before', workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', ownerId: ALICE },
        ALICE,
      );
      await server.stop();
      const pending = store.get({ workspaceId: 'T0WORKSPC', modelId: model.id }); // queued while Redis is down
      await server.restart();
      // Redis ran without persistence, so the model is gone; the point is that the call completes.
      expect(await pending).toBeUndefined();
      const again = await store.create(
        { title: 'After', workspaceId: 'T0WORKSPC', channelId: 'C0PAYMENT', ownerId: ALICE },
        ALICE,
      );
      expect(again.title).toBe('After');
    } finally {
      redis.disconnect();
    }
  });

  it('redacts passwords from URLs it logs', () => {
    expect(redactRedisUrl('redis://user:pw@host:6379/2')).toBe('redis://user:***@host:6379/2');
    expect(redactRedisUrl('redis://host:6379')).toBe('redis://host:6379');
    expect(redactRedisUrl('not a url')).toBe('(unparseable Redis URL)');
  });

  it('names a cluster or Sentinel it cannot reach by its nodes, never by its passwords', async () => {
    const auth = { username: 'tm', password: 'data-s3cret', tls: false };
    const cluster = connectRedis(
      { mode: 'cluster', nodes: [{ host: '127.0.0.1', port: server.port + 1 }], ...auth },
      { connectTimeoutMs: 500 },
    );
    await expect(cluster).rejects.toThrow(/^Cannot reach Redis at the Redis Cluster at 127\.0\.0\.1:\d+ \(/);
    await cluster.catch((error: Error) => expect(error.message).not.toMatch(/s3cret/));
    const sentinel = connectRedis(
      {
        mode: 'sentinel',
        sentinels: [{ host: '127.0.0.1', port: server.port + 1 }],
        name: 'mymaster',
        sentinelPassword: 'sentinel-s3cret',
        ...auth,
      },
      { connectTimeoutMs: 500 },
    );
    await expect(sentinel).rejects.toThrow(
      /^Cannot reach Redis at the primary "mymaster" of the sentinels at 127\.0\.0\.1:\d+ \(/,
    );
    await sentinel.catch((error: Error) => expect(error.message).not.toMatch(/s3cret/));
  });
});
