import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import type { RedisTarget } from '../../src/store/redis-connection';
import { type RedisServer, startRedisServer } from '../../src/store/redis-server-process';
import { eventually } from './eventually';

/**
 * A Redis Cluster of its own for a test file: 6 redis-server processes on free loopback ports
 * (3 primaries, 3 replicas), made a cluster with `redis-cli --cluster create`. Short node
 * timeouts, so a killed primary's replica takes over within a few seconds. `npm run bench:scale`
 * starts its cluster with it too (tsc follows the import into the benchmark build), so it and
 * what it imports stay free of jest.
 */
export interface RedisClusterFixture {
  nodes: RedisServer[];
  /** The cluster as the app is configured with it (REDIS_CLUSTER_NODES). */
  env: { REDIS_CLUSTER_NODES: string };
  target: RedisTarget;
  /** The node that holds the key's slot now. */
  primaryFor(key: string): Promise<RedisServer>;
  /** Until every live node says the cluster is ok and every slot has a live primary. */
  healthy(): Promise<void>;
  /** How many commands the live nodes refused with CROSSSLOT since they started. */
  crossSlotErrors(): Promise<number>;
  /** SIGKILL a node: it gets no chance to hand anything over. */
  kill(node: RedisServer): Promise<void>;
  /** Start a killed node again: it rejoins (as a replica, when its replica took over) and syncs. */
  revive(node: RedisServer): Promise<void>;
  destroy(): Promise<void>;
}

/** Failure detection after this many ms without an answer; a replica then takes over. */
const NODE_TIMEOUT_MS = 1500;
const SIZE = 6;

export async function startRedisCluster(): Promise<RedisClusterFixture> {
  const nodes = await Promise.all(
    Array.from({ length: SIZE }, () =>
      startRedisServer({
        args: [
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          'nodes.conf',
          '--cluster-node-timeout',
          String(NODE_TIMEOUT_MS),
          // A replica may take over however long ago it last heard its primary (a loaded test machine).
          '--cluster-replica-validity-factor',
          '0',
          // A replica's full sync starts at once, not after Redis's 5 s wait for more replicas.
          '--repl-diskless-sync-delay',
          '0',
        ],
      }),
    ),
  );
  const killed = new Set<RedisServer>();
  const live = () => nodes.filter((node) => !killed.has(node));
  try {
    await createCluster(nodes);
  } catch (error) {
    await Promise.all(nodes.map((node) => node.destroy()));
    throw error;
  }

  const admin = async <T>(node: RedisServer, run: (redis: Redis) => Promise<T>): Promise<T> => {
    const redis = new Redis(node.port, '127.0.0.1', {
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
  };
  const primaries = async (): Promise<{ port: number; slots: [number, number][] }[]> => {
    const [first] = live();
    if (!first) throw new Error('no live node left');
    const text = String(await admin(first, (redis) => redis.call('CLUSTER', 'NODES')));
    return text
      .trim()
      .split('\n')
      .map((line) => line.split(' '))
      .filter((fields) => (fields[2] ?? '').includes('master') && !(fields[2] ?? '').includes('fail'))
      .map((fields) => ({
        port: Number((fields[1] ?? '').split('@')[0]?.split(':')[1]),
        slots: fields.slice(8).flatMap((range): [number, number][] => {
          if (range.startsWith('[')) return []; // a slot being migrated
          const [from, to = from] = range.split('-').map(Number);
          return from === undefined || to === undefined ? [] : [[from, to]];
        }),
      }));
  };
  const ownerOf = async (slot: number) => {
    const owner = (await primaries()).find((primary) => primary.slots.some(([from, to]) => slot >= from && slot <= to));
    return live().find((node) => node.port === owner?.port);
  };

  const healthy = async () => {
    await eventually('the cluster is healthy again', () => healthyNow().catch(() => undefined), 20_000);
  };
  const healthyNow = async () => {
    for (const node of live()) {
      const info = String(await admin(node, (redis) => redis.call('CLUSTER', 'INFO')));
      if (!info.includes('cluster_state:ok')) return undefined;
    }
    const covered = (await primaries()).reduce(
      (sum, primary) => sum + primary.slots.reduce((n, [from, to]) => n + to - from + 1, 0),
      0,
    );
    const livePorts = new Set(live().map((node) => node.port));
    const all = await primaries();
    return covered === 16384 && all.every((primary) => livePorts.has(primary.port)) ? true : undefined;
  };
  const replicasInSync = () =>
    eventually(
      'every primary has its replica in sync',
      async () => {
        for (const node of live()) {
          const info = await admin(node, (redis) => redis.info('replication')).catch(() => '');
          if (info.includes('role:master') && !/connected_slaves:[1-9]/.test(info)) return undefined;
          if (info.includes('role:slave') && !info.includes('master_link_status:up')) return undefined;
          if (!info) return undefined;
        }
        return true;
      },
      20_000,
    );
  await healthy();
  await replicasInSync();

  const list = nodes.map((node) => `127.0.0.1:${node.port}`).join(',');
  return {
    nodes,
    env: { REDIS_CLUSTER_NODES: list },
    target: {
      mode: 'cluster',
      nodes: nodes.map((node) => ({ host: '127.0.0.1', port: node.port })),
      username: undefined,
      password: undefined,
      tls: false,
    },
    async primaryFor(key) {
      const [first] = live();
      if (!first) throw new Error('no live node left');
      const slot = Number(await admin(first, (redis) => redis.call('CLUSTER', 'KEYSLOT', key)));
      const owner = await ownerOf(slot);
      if (!owner) throw new Error(`no live primary holds slot ${slot}`);
      return owner;
    },
    healthy,
    async crossSlotErrors() {
      let total = 0;
      for (const node of live()) {
        const stats = await admin(node, (redis) => redis.info('errorstats'));
        total += Number(/errorstat_CROSSSLOT:count=(\d+)/.exec(stats)?.[1] ?? 0);
      }
      return total;
    },
    async kill(node) {
      killed.add(node);
      await node.stop('SIGKILL');
    },
    async revive(node) {
      await node.restart();
      killed.delete(node);
      await healthy();
      await replicasInSync();
    },
    destroy: async () => {
      await Promise.all(nodes.map((node) => node.destroy()));
    },
  };
}

/** `redis-cli --cluster create` over the nodes: the first three primaries, each with one replica. */
function createCluster(nodes: RedisServer[]): Promise<void> {
  const args = ['--cluster', 'create', ...nodes.map((node) => `127.0.0.1:${node.port}`)];
  args.push('--cluster-replicas', '1', '--cluster-yes');
  return new Promise((resolve, reject) => {
    const cli = spawn('redis-cli', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    cli.stdout.on('data', (chunk) => {
      output += chunk;
    });
    cli.stderr.on('data', (chunk) => {
      output += chunk;
    });
    cli.once('error', (error) =>
      reject(new Error(`redis-cli could not be started (is it installed?): ${error.message}`)),
    );
    cli.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`redis-cli --cluster create failed (${code}):\n${output}`));
    });
  });
}
