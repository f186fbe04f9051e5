import type { Redis } from 'ioredis';
import type { Idempotency, OnceResult } from '../ports/idempotency';
import type { RedisKeys } from './redis-keys';

/**
 * Run a side effect at most once per key within a time window. Slack re-delivers an event it
 * thinks timed out, and BullMQ may re-run a job after a crash; both must not post twice.
 * The key is claimed atomically (SET NX PX) before the effect runs; if the effect fails, the
 * claim is released so a retry can run it.
 */
export class RedisIdempotency implements Idempotency {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async once<T>(key: string, windowMs: number, effect: () => Promise<T>): Promise<OnceResult<T>> {
    const redisKey = this.keys.once(key);
    const claimed = await this.redis.set(redisKey, 'running', 'PX', Math.max(1, Math.round(windowMs)), 'NX');
    if (claimed !== 'OK') return { ran: false };
    try {
      const result = await effect();
      await this.redis.set(redisKey, 'done', 'KEEPTTL');
      return { ran: true, result };
    } catch (error) {
      await this.redis.del(redisKey);
      throw error;
    }
  }
}
