import { startRedisServer } from '../../src/store/redis-server-process';

export { type RedisServer, startRedisServer } from '../../src/store/redis-server-process';

/**
 * The Redis a test file talks to: `REDIS_URL` when set (each test then uses a unique key
 * prefix), otherwise a private server started for the file and destroyed after it.
 */
export async function testRedis(): Promise<{ url: string; close: () => Promise<void> }> {
  const external = process.env.REDIS_URL;
  if (external) return { url: external, close: async () => {} };
  const server = await startRedisServer();
  return { url: server.url, close: () => server.destroy() };
}

/**
 * For a server that replicas sync from: start a replica's full sync at once. Redis 7 streams it
 * from memory (diskless) and first waits 5 s for more replicas to share it, which every test's
 * replica (re)joining a primary waited out.
 */
export const SYNC_REPLICAS_AT_ONCE = ['--repl-diskless-sync-delay', '0'];

let prefixCounter = 0;
/** A key prefix no other test uses, so tests sharing one Redis never see each other's keys. */
export function uniquePrefix(): string {
  prefixCounter += 1;
  return `test:${process.pid}:${Date.now().toString(36)}:${prefixCounter}:`;
}
