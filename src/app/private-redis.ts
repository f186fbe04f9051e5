import path from 'node:path';
import type { Logger } from '../logger';
import { type RedisServer, startRedisServer } from '../store/redis-server-process';

/**
 * On a developer machine without REDIS_URL: a redis-server of the app's own, its data (append-only
 * file on) under `.threadmodel/redis/` in the working directory, so drafts outlive a restart.
 */
export async function startPrivateRedis(cwd: string, logger: Logger): Promise<RedisServer> {
  const dir = path.join(cwd, '.threadmodel', 'redis');
  const server = await startRedisServer({ aof: true, dir });
  logger.info(
    { url: server.url, dir },
    'REDIS_URL is not set: started a private redis-server (AOF on); set REDIS_URL to use your own',
  );
  return server;
}
