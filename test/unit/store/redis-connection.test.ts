import { Cluster, Redis } from 'ioredis';
import { createRedisClient, describeRedisTarget, type RedisTarget } from '../../../src/store/redis-connection';

const auth = { username: 'threadmodel', password: 'data-s3cret', tls: true };
const CLUSTER: RedisTarget = { mode: 'cluster', nodes: [{ host: 'node-0.cache', port: 6379 }], ...auth };
const SENTINEL: RedisTarget = {
  mode: 'sentinel',
  sentinels: [{ host: 'sentinel-0', port: 26379 }],
  name: 'threadmodel',
  sentinelPassword: 'sentinel-s3cret',
  ...auth,
};

/** A client that never connects (lazy), to look at the options it was made with. */
function made(target: RedisTarget, forWorkers = false) {
  const client = createRedisClient(target, { lazyConnect: true, forWorkers });
  client.disconnect();
  return client;
}

describe('the Redis client factory', () => {
  it('makes an ioredis Cluster for a cluster, with the credentials and TLS on every node and no key prefix', () => {
    const cluster = made(CLUSTER);
    expect(cluster).toBeInstanceOf(Cluster);
    const { redisOptions } = (cluster as Cluster).options;
    expect(redisOptions).toMatchObject({ username: 'threadmodel', password: 'data-s3cret', tls: {} });
    // BullMQ refuses an ioredis keyPrefix: keys carry the app's prefix themselves.
    expect(redisOptions?.keyPrefix ?? '').toBe('');
  });

  it("gives BullMQ's workers maxRetriesPerRequest: null, on a cluster in every node's options", () => {
    expect((made(CLUSTER, true) as Cluster).options.redisOptions?.maxRetriesPerRequest).toBeNull();
    expect((made(SENTINEL, true) as Redis).options.maxRetriesPerRequest).toBeNull();
    expect(
      (made({ mode: 'standalone', url: 'redis://cache:6379' }, true) as Redis).options.maxRetriesPerRequest,
    ).toBeNull();
    expect((made(CLUSTER) as Cluster).options.redisOptions?.maxRetriesPerRequest).not.toBeNull();
  });

  it('finds the primary through the sentinels by name, with TLS to both', () => {
    const redis = made(SENTINEL) as Redis;
    expect(redis).toBeInstanceOf(Redis);
    expect(redis.options).toMatchObject({
      sentinels: [{ host: 'sentinel-0', port: 26379 }],
      name: 'threadmodel',
      sentinelPassword: 'sentinel-s3cret',
      password: 'data-s3cret',
      enableTLSForSentinelMode: true,
      sentinelTLS: {},
      tls: {},
    });
  });

  it('describes every target for a log line without a password', () => {
    expect(describeRedisTarget(CLUSTER)).toBe('the Redis Cluster at node-0.cache:6379 (TLS)');
    expect(describeRedisTarget(SENTINEL)).toBe('the primary "threadmodel" of the sentinels at sentinel-0:26379 (TLS)');
    expect(describeRedisTarget({ mode: 'standalone', url: 'rediss://u:pw@cache:6380' })).toBe(
      'rediss://u:***@cache:6380',
    );
  });
});
