import type { ModelRef } from '../ports/model-store';
import type { RefreshTurns } from '../ports/refresh-turns';
import type { RedisClient } from './redis-connection';
import type { RedisKeys } from './redis-keys';

/** KEYS: the model's refresh turn. ARGV: interval ms. Returns 0 (taken) or the ms until it is free. */
const TAKE = `
if redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'NX') then return 0 end
local left = redis.call('PTTL', KEYS[1])
if left < 1 then return 1 end
return left
`;

interface TurnScripts {
  tmRefreshTurn(key: string, intervalMs: number): Promise<number>;
}

/** The refresh turn of a model as one short-lived key beside it (its workspace's hash tag). */
export class RedisRefreshTurns implements RefreshTurns {
  private readonly redis: RedisClient & TurnScripts;

  constructor(
    redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {
    redis.defineCommand('tmRefreshTurn', { lua: TAKE, numberOfKeys: 1 });
    this.redis = redis as RedisClient & TurnScripts;
  }

  async take(ref: ModelRef, intervalMs: number): Promise<number> {
    if (intervalMs < 1) return 0;
    return Number(await this.redis.tmRefreshTurn(this.keys.refreshTurn(ref.workspaceId, ref.modelId), intervalMs));
  }
}
