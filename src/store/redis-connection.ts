import { Redis } from 'ioredis';
import { StoreUnavailableError } from '../errors';

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

export interface ConnectOptions {
  /** How long to try at start-up before giving up with a clear error. */
  connectTimeoutMs?: number;
  /** Name shown by CLIENT LIST, to tell the app's connections apart. */
  connectionName?: string;
}

/**
 * Connect to Redis and check it answers. If it cannot be reached within the timeout, start-up
 * fails with a StoreUnavailableError naming the server (never its password). Once connected, the
 * client reconnects on its own after a Redis restart (with growing back-off, capped at 2 s), and
 * commands issued meanwhile wait in its offline queue.
 */
export async function connectRedis(url: string, options: ConnectOptions = {}): Promise<Redis> {
  const timeout = options.connectTimeoutMs ?? 5000;
  const redis = new Redis(url, {
    lazyConnect: true,
    connectionName: options.connectionName ?? 'threadmodel',
    retryStrategy: (times) => Math.min(times * 100, 2000),
    // ioredis waits this long for a socket to close after disconnect(), even one that never
    // opened; its default of 2 s keeps a failed start-up (and a test run) alive for nothing.
    disconnectTimeout: 500,
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
      `Cannot reach Redis at ${redactRedisUrl(url)} (${lastError?.message ?? (error as Error).message}). ` +
        'Start a Redis server or set REDIS_URL to one.',
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}
