import type { Logger } from '../logger';
import {
  connectRedis,
  createRedisClient,
  describeRedisTarget,
  type RedisClient,
  type RedisTarget,
} from '../store/redis-connection';

/**
 * The app's connection: the store, the adapters and the queues' producers share it. Start-up
 * waits until it answers (a clear StoreUnavailableError otherwise); later it reconnects on its own,
 * and on a cluster or Sentinel follows a failover to the promoted replica.
 */
export async function connectAppRedis(target: RedisTarget, logger: Logger): Promise<RedisClient> {
  const redis = await connectRedis(target);
  redis.on('error', (error) => logger.warn({ err: error }, 'redis connection error; reconnecting'));
  logger.info({ redis: describeRedisTarget(target), mode: target.mode }, 'draft store connected');
  return redis;
}

/**
 * The workers' connection. BullMQ requires `maxRetriesPerRequest: null` on the connection its
 * workers block on (on a cluster, in the options of every node's client), so a command waiting
 * out a Redis restart or a failover is never given up on.
 */
export function workerRedis(target: RedisTarget, logger: Logger): RedisClient {
  const redis = createRedisClient(target, { forWorkers: true, connectionName: 'threadmodel-worker' });
  redis.on('error', (error) => logger.warn({ err: error }, 'worker redis connection error; reconnecting'));
  return redis;
}
