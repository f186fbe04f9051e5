import type { ReviewRotation } from '../ports/review-rotation';
import type { RedisClient } from './redis-connection';
import type { RedisKeys } from './redis-keys';

/** The review rotation as one counter per workspace (`INCR`), so every process takes the next turn. */
export class RedisReviewRotation implements ReviewRotation {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  nextTurn(workspaceId: string): Promise<number> {
    return this.redis.incr(this.keys.reviewRotation(workspaceId));
  }
}
