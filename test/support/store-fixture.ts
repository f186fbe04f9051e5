import { Redis } from 'ioredis';
import { RedisKeys } from '../../src/store/redis-keys';
import { RedisModelStore, type RedisModelStoreOptions } from '../../src/store/redis-model-store';
import { testRedis, uniquePrefix } from './redis-server';

/**
 * One Redis per test file, a fresh key prefix per test. `connection()` opens extra clients (for
 * concurrency tests); all are closed after the file.
 */
export function useStore() {
  let redisUrl = '';
  let closeServer: () => Promise<void> = async () => {};
  const clients: Redis[] = [];
  const state = {
    keys: new RedisKeys('unset:'),
    redis: undefined as unknown as Redis,
    store: undefined as unknown as RedisModelStore,
  };
  let now = new Date('2026-11-25T10:00:00.000Z');

  const connection = () => {
    const client = new Redis(redisUrl, { lazyConnect: false });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    const server = await testRedis();
    redisUrl = server.url;
    closeServer = server.close;
    state.redis = connection();
  });
  beforeEach(() => {
    now = new Date('2026-11-25T10:00:00.000Z');
    state.keys = new RedisKeys(uniquePrefix());
    state.store = new RedisModelStore({ redis: state.redis, keys: state.keys, clock: () => now });
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.quit()));
    await closeServer();
  });

  return {
    get store() {
      return state.store;
    },
    get redis() {
      return state.redis;
    },
    get keys() {
      return state.keys;
    },
    get url() {
      return redisUrl;
    },
    /** A store on its own connection, sharing this test's prefix and clock. */
    storeOnNewConnection: (options: Partial<RedisModelStoreOptions> = {}) =>
      new RedisModelStore({ redis: connection(), keys: state.keys, clock: () => now, ...options }),
    connection,
    setNow: (date: Date) => {
      now = date;
    },
  };
}
