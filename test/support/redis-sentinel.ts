import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort, type RedisServer, startRedisServer } from '../../src/store/redis-server-process';
import { eventually } from './eventually';
import { SYNC_REPLICAS_AT_ONCE } from './redis-server';

/**
 * A Sentinel-watched Redis of its own for a test file: a primary, one replica, and 3
 * sentinels (`redis-server sentinel.conf --sentinel`, what Debian's redis-sentinel runs) on free
 * loopback ports, agreeing (quorum 2) that the primary is down after 1 s without an answer, with
 * their other timers shortened to match (quickTimers).
 */
export interface RedisSentinelFixture {
  /** The name the sentinels know the primary by. */
  name: string;
  primary: RedisServer;
  replica: RedisServer;
  sentinels: RedisServer[];
  /** The deployment as the app is configured with it (REDIS_SENTINELS, REDIS_SENTINEL_NAME). */
  env: { REDIS_SENTINELS: string; REDIS_SENTINEL_NAME: string };
  /** Until every sentinel names `server` as the primary and it says it is one. */
  promoted(server: RedisServer): Promise<void>;
  /** Until `server` replicates the primary with its link up. */
  replicating(server: RedisServer): Promise<void>;
  destroy(): Promise<void>;
}

const NAME = 'threadmodel';

export async function startRedisSentinel(): Promise<RedisSentinelFixture> {
  // Either may be the primary the other (re)syncs from, after a failover.
  const primary = await startRedisServer({ args: SYNC_REPLICAS_AT_ONCE });
  const replica = await startRedisServer({
    args: [...SYNC_REPLICAS_AT_ONCE, '--replicaof', '127.0.0.1', String(primary.port)],
  });
  const dirs: string[] = [];
  const sentinels: RedisServer[] = [];
  const destroy = async () => {
    await Promise.all([primary, replica, ...sentinels].map((server) => server.destroy()));
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < 3; i++) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'threadmodel-sentinel-'));
      dirs.push(dir);
      const port = await freePort();
      const configFile = path.join(dir, 'sentinel.conf');
      // Sentinel rewrites its file as it learns the replicas, the other sentinels and failovers.
      writeFileSync(
        configFile,
        [
          `port ${port}`,
          'bind 127.0.0.1',
          `sentinel monitor ${NAME} 127.0.0.1 ${primary.port} 2`,
          `sentinel down-after-milliseconds ${NAME} 1000`,
          `sentinel failover-timeout ${NAME} 5000`,
          `sentinel parallel-syncs ${NAME} 1`,
          '',
        ].join('\n'),
      );
      const sentinel = await startRedisServer({ configFile, port, dir, args: ['--sentinel'] });
      sentinels.push(sentinel);
      await ask(sentinel, quickTimers);
    }
    await replicatingOf(replica);
    // Each sentinel has found the replica and the two other sentinels before anything fails.
    await eventually(
      'the sentinels know the replica and each other',
      async () => {
        for (const sentinel of sentinels) {
          const [replicas, others] = await ask(sentinel, async (redis) => [
            (await redis.call('SENTINEL', 'REPLICAS', NAME)) as unknown[],
            (await redis.call('SENTINEL', 'SENTINELS', NAME)) as unknown[],
          ]);
          if (replicas?.length !== 1 || others?.length !== 2) return undefined;
        }
        return true;
      },
      20_000,
    );
  } catch (error) {
    await destroy();
    throw error;
  }

  return {
    name: NAME,
    primary,
    replica,
    sentinels,
    env: {
      REDIS_SENTINELS: sentinels.map((sentinel) => `127.0.0.1:${sentinel.port}`).join(','),
      REDIS_SENTINEL_NAME: NAME,
    },
    promoted: (server) =>
      eventually(
        `${server.port} promoted`,
        async () => {
          for (const sentinel of sentinels) {
            const address = (await ask(sentinel, (redis) =>
              redis.call('SENTINEL', 'GET-MASTER-ADDR-BY-NAME', NAME),
            )) as string[];
            if (address[1] !== String(server.port)) return undefined;
          }
          const role = await ask(server, (redis) => redis.info('replication'));
          return role.includes('role:master') ? true : undefined;
        },
        20_000,
      ).then(() => undefined),
    replicating: replicatingOf,
    destroy,
  };
}

/**
 * Sentinel's own timers, shortened as its down-after is: it asks each server for INFO every
 * second, not every 10 s, and says hello to the other sentinels every half second, not every 2 s.
 * A primary that comes back after a failover is made a replica 4 hellos after it was first seen
 * as a primary again and at its next INFO: about 2 s instead of about 10 s. (SENTINEL DEBUG is
 * Redis 7.0's; an older Sentinel keeps its timers, and the tests only take longer.)
 */
async function quickTimers(redis: Redis): Promise<void> {
  await redis.call('SENTINEL', 'DEBUG', 'INFO-PERIOD', '1000', 'PUBLISH-PERIOD', '500').catch((error: Error) => {
    if (!/unknown subcommand|wrong number|syntax/i.test(error.message)) throw error;
  });
}

function replicatingOf(server: RedisServer): Promise<void> {
  return eventually(
    `${server.port} replicating`,
    async () => {
      const info = await ask(server, (redis) => redis.info('replication')).catch(() => '');
      return info.includes('role:slave') && info.includes('master_link_status:up') ? true : undefined;
    },
    20_000,
  ).then(() => undefined);
}

async function ask<T>(server: RedisServer, run: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(server.port, '127.0.0.1', {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    return await run(redis);
  } finally {
    redis.disconnect();
  }
}
