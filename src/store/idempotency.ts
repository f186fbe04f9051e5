import { setTimeout as sleep } from 'node:timers/promises';
import type { AnswerClaim, Idempotency, OnceResult } from '../ports/idempotency';
import type { RedisClient } from './redis-connection';
import type { RedisKeys } from './redis-keys';

const RUNNING = 'running';
const ANSWER = 'answer:';
/** How often a waiting caller looks for the first caller's answer. */
const POLL_MS = 25;

/**
 * Run a side effect at most once per key within a time window. Slack re-delivers an event it
 * thinks timed out, and BullMQ may re-run a job after a crash; both must not post twice.
 * The key is claimed atomically (SET NX PX) before the effect runs; if the effect fails, the
 * claim is released so a retry can run it. A claimed key holds `running`, then `done` or, for
 * a request whose repeats get the first answer, `answer:<the answer>`; it expires with its window.
 */
export class RedisIdempotency implements Idempotency {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async once<T>(key: string, windowMs: number, effect: () => Promise<T>): Promise<OnceResult<T>> {
    if (!(await this.claim(key, windowMs))) return { ran: false };
    try {
      const result = await effect();
      await this.redis.set(this.keys.once(key), 'done', 'KEEPTTL');
      return { ran: true, result };
    } catch (error) {
      await this.release(key);
      throw error;
    }
  }

  async claimAnswer(key: string, windowMs: number, waitMs: number): Promise<AnswerClaim> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (await this.claim(key, windowMs)) return { state: 'claimed' };
      // Between the claim and this read the first caller may have released the key: try again.
      const value = await this.redis.get(this.keys.once(key));
      if (value?.startsWith(ANSWER)) return { state: 'answered', answer: value.slice(ANSWER.length) };
      if (value !== null && Date.now() >= deadline) return { state: 'pending' };
      if (value !== null) await sleep(POLL_MS);
    }
  }

  async recordAnswer(key: string, answer: string): Promise<void> {
    // XX: a claim that has expired is not brought back without its expiry.
    await this.redis.set(this.keys.once(key), `${ANSWER}${answer}`, 'KEEPTTL', 'XX');
  }

  async release(key: string): Promise<void> {
    await this.redis.del(this.keys.once(key));
  }

  private async claim(key: string, windowMs: number): Promise<boolean> {
    const claimed = await this.redis.set(this.keys.once(key), RUNNING, 'PX', Math.max(1, Math.round(windowMs)), 'NX');
    return claimed === 'OK';
  }
}
