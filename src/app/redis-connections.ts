import { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { connectRedis, redactRedisUrl } from '../store/redis-connection';

/**
 * The app's connection: the store, the adapters and the queues' producers share it. Start-up
 * waits until it answers (a clear StoreUnavailableError otherwise); later it reconnects on its own.
 */
export async function connectAppRedis(url: string, logger: Logger): Promise<Redis> {
  const redis = await connectRedis(url);
  redis.on('error', (error) => logger.warn({ err: error }, 'redis connection error; reconnecting'));
  logger.info({ url: redactRedisUrl(url) }, 'draft store connected');
  return redis;
}

/**
 * The workers' connection. BullMQ requires `maxRetriesPerRequest: null` on the connection its
 * workers block on, so a command waiting out a Redis restart is never given up on.
 */
export function workerRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, connectionName: 'threadmodel-worker' });
  redis.on('error', (error) => logger.warn({ err: error }, 'worker redis connection error; reconnecting'));
  return redis;
}
