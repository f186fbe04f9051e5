import type { Logger } from '../logger';
import {
  connectRedis,
  createRedisClient,
  describeRedisTarget,
  type RedisClient,
  type RedisTarget,
  replicasPerPrimary,
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

/**
 * With REDIS_WAIT_REPLICAS, say at start-up when a primary has fewer replicas than asked for:
 * every change there would be reported as not confirmed. A warning, not a refusal: a replica may
 * be restarting, and the app tells each person honestly meanwhile.
 */
export async function warnOnMissingReplicas(redis: RedisClient, wanted: number, logger: Logger): Promise<void> {
  let counts: number[];
  try {
    counts = await replicasPerPrimary(redis);
  } catch (error) {
    // A managed Redis may refuse INFO: the check is advice, never a reason not to start.
    logger.info({ err: error }, 'could not count the Redis replicas at start-up');
    return;
  }
  const fewest = Math.min(...counts);
  if (fewest >= wanted) return;
  logger.warn(
    { waitReplicas: wanted, replicasPerPrimary: counts },
    `REDIS_WAIT_REPLICAS is ${wanted} but a Redis primary has ${fewest} replica(s) now: changes there will be reported as not confirmed until enough replicas are connected`,
  );
}
