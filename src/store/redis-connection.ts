import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';
import { StoreUnavailableError } from '../errors';

/** The app's Redis client: one server (plain or found through Sentinel), or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

export interface HostPort {
  host: string;
  port: number;
}

/** What the credentials of a cluster's or Sentinel's data nodes are (REDIS_USERNAME, REDIS_PASSWORD, REDIS_TLS). */
export interface RedisAuth {
  username: string | undefined;
  password: string | undefined;
  tls: boolean;
}

/**
 * Where the drafts and jobs live. A URL names one server; a cluster is reached through any of
 * its nodes (ioredis learns the rest and follows slot moves and failovers); a Sentinel-watched
 * primary is looked up by its name on the sentinels, and again after a promotion.
 */
export type RedisTarget =
  | { mode: 'standalone'; url: string }
  | ({ mode: 'cluster'; nodes: HostPort[] } & RedisAuth)
  | ({ mode: 'sentinel'; sentinels: HostPort[]; name: string; sentinelPassword: string | undefined } & RedisAuth);

/** A Redis URL fit for a log line: the password, if any, replaced. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable Redis URL)';
  }
}

/** Where a target points, for log lines and errors: never a password. */
export function describeRedisTarget(target: RedisTarget): string {
  const list = (nodes: HostPort[]) => nodes.map((node) => `${node.host}:${node.port}`).join(',');
  switch (target.mode) {
    case 'standalone':
      return redactRedisUrl(target.url);
    case 'cluster':
      return `the Redis Cluster at ${list(target.nodes)}${target.tls ? ' (TLS)' : ''}`;
    case 'sentinel':
      return `the primary "${target.name}" of the sentinels at ${list(target.sentinels)}${target.tls ? ' (TLS)' : ''}`;
  }
}

export interface ClientOptions {
  /** Name shown by CLIENT LIST, to tell the app's connections apart. */
  connectionName?: string;
  /**
   * BullMQ's workers block on their connection and require `maxRetriesPerRequest: null`, so a
   * command waiting out a failover or restart is never given up on.
   */
  forWorkers?: boolean;
  /** Do not connect before the first command (connectRedis connects and checks it). */
  lazyConnect?: boolean;
}

/** Reconnect with growing back-off, capped at 2 s (a restart, a failover). */
const reconnectDelay = (times: number) => Math.min(times * 100, 2000);

/**
 * The one place a Redis client is made, for the store, the queues and the workers alike: an
 * ioredis Cluster for a cluster, a Sentinel-backed Redis for Sentinel, a plain Redis otherwise.
 * No ioredis `keyPrefix` ever (BullMQ refuses it); keys carry the app's prefix themselves.
 */
export function createRedisClient(target: RedisTarget, options: ClientOptions = {}): RedisClient {
  const common: RedisOptions = {
    lazyConnect: options.lazyConnect ?? false,
    connectionName: options.connectionName ?? 'threadmodel',
    // ioredis waits this long for a socket to close after disconnect(), even one that never
    // opened; its default of 2 s keeps a failed start-up (and a test run) alive for nothing.
    disconnectTimeout: 500,
    ...(options.forWorkers && { maxRetriesPerRequest: null }),
  };
  switch (target.mode) {
    case 'standalone':
      return new Redis(target.url, { ...common, retryStrategy: reconnectDelay });
    case 'sentinel':
      return new Redis({
        ...common,
        ...credentials(target),
        sentinels: target.sentinels,
        name: target.name,
        ...(target.sentinelPassword !== undefined && { sentinelPassword: target.sentinelPassword }),
        // REDIS_TLS: TLS to the sentinels and to the primary they name.
        ...(target.tls && { tls: {}, enableTLSForSentinelMode: true, sentinelTLS: {} }),
        retryStrategy: reconnectDelay,
        sentinelRetryStrategy: reconnectDelay,
      });
    case 'cluster': {
      const { lazyConnect, ...redisOptions } = common;
      return new Cluster(target.nodes, {
        ...(lazyConnect !== undefined && { lazyConnect }),
        redisOptions: { ...redisOptions, ...credentials(target), ...(target.tls && { tls: {} }) },
        // TLS certificates name the hosts the cluster announces: connect to those names, not to
        // the addresses they resolve to (ioredis' documented setting for ElastiCache/MemoryDB).
        ...(target.tls && { dnsLookup: keepHostName }),
        clusterRetryStrategy: reconnectDelay,
        // No clusterNodeRetryStrategy: a node that stops answering is dropped, so commands for its
        // slots are retried after a slot refresh (on the promoted replica) instead of queueing for it.
        // After a failover the slots move: retry a command meanwhile instead of failing it.
        retryDelayOnFailover: 200,
        retryDelayOnClusterDown: 200,
        retryDelayOnTryAgain: 200,
      });
    }
  }
}

const keepHostName: NonNullable<ClusterOptions['dnsLookup']> = (address, callback) => callback(null, address);

function credentials(auth: RedisAuth): Pick<RedisOptions, 'username' | 'password'> {
  return {
    ...(auth.username !== undefined && { username: auth.username }),
    ...(auth.password !== undefined && { password: auth.password }),
  };
}

export interface ConnectOptions {
  /** How long to try at start-up before giving up with a clear error. */
  connectTimeoutMs?: number;
  /** Name shown by CLIENT LIST, to tell the app's connections apart. */
  connectionName?: string;
}

/**
 * Connect to Redis and check it answers. If it cannot be reached within the timeout, start-up
 * fails with a StoreUnavailableError naming the server (never its password). Once connected, the
 * client reconnects on its own after a Redis restart or failover (with growing back-off, capped
 * at 2 s), and commands issued meanwhile wait in its offline queue.
 */
export async function connectRedis(target: RedisTarget | string, options: ConnectOptions = {}): Promise<RedisClient> {
  const resolved: RedisTarget = typeof target === 'string' ? { mode: 'standalone', url: target } : target;
  const timeout = options.connectTimeoutMs ?? 5000;
  const redis = createRedisClient(resolved, {
    lazyConnect: true,
    ...(options.connectionName && { connectionName: options.connectionName }),
  });
  let lastError: Error | undefined;
  const remember = (error: Error) => {
    lastError = error;
  };
  redis.on('error', remember);
  let timer: NodeJS.Timeout | undefined;
  try {
    // Keep retrying until the deadline: Redis may still be starting next to us (compose, CI).
    await Promise.race([
      new Promise<void>((resolve) => {
        redis.once('ready', () => resolve());
        redis.connect().catch(() => {}); // failures surface as 'error' events and retries
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeout} ms`)), timeout);
      }),
    ]);
    await redis.ping();
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new StoreUnavailableError(
      `Cannot reach Redis at ${describeRedisTarget(resolved)} (${lastError?.message ?? (error as Error).message}). ` +
        'Start a Redis server or set REDIS_URL (or REDIS_CLUSTER_NODES, REDIS_SENTINELS) to one.',
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}

/**
 * How many replicas each primary has now (one number for one server, one per primary of a
 * cluster): at start-up, to warn when REDIS_WAIT_REPLICAS asks for more than there are.
 */
export async function replicasPerPrimary(redis: RedisClient): Promise<number[]> {
  const primaries = redis instanceof Cluster ? redis.nodes('master') : [redis];
  return Promise.all(
    primaries.map(async (node) => Number(/connected_slaves:(\d+)/.exec(await node.info('replication'))?.[1] ?? 0)),
  );
}
