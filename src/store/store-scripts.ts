import type { ChainableCommander } from 'ioredis';
import type { RedisClient } from './redis-connection';

/**
 * Lua scripts that make each write atomic: the model, its indexes and its audit entry change
 * together or not at all. The JSON is built and validated in Node; Lua only compares versions
 * and writes strings (Redis' cjson would mangle empty arrays and large numbers).
 */

/** KEYS: model, audit, ...indexes. ARGV: json, version, score, modelId, actor, action, paths, at. Returns 1, or 0 if the model exists. */
const CREATE = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'json', ARGV[1])
for i = 3, #KEYS do redis.call('ZADD', KEYS[i], ARGV[3], ARGV[4]) end
redis.call('XADD', KEYS[2], '*', 'actor', ARGV[5], 'action', ARGV[6], 'version', ARGV[2], 'paths', ARGV[7], 'at', ARGV[8])
return 1
`;

/**
 * KEYS: model, audit, write marker, ...indexes to leave, ...indexes to join[, approved snapshot].
 * ARGV: expected version, new version, json, score, modelId, number of indexes to leave, actor, action, paths, at,
 * number of snapshots (0 or 1)[, snapshot json]. A snapshot (an approved version kept when the model
 * is revised) is written with the model or not at all, and never overwritten.
 * Returns 0 when written (or when this very write was already applied: its marker exists, e.g. a
 * command resent after a lost reply), -1 when the model is gone, else the current version (a conflict).
 */
const UPDATE = `
if redis.call('EXISTS', KEYS[3]) == 1 then return 0 end
local current = redis.call('HGET', KEYS[1], 'version')
if not current then return -1 end
if current ~= ARGV[1] then return tonumber(current) end
redis.call('HSET', KEYS[1], 'version', ARGV[2], 'json', ARGV[3])
redis.call('SET', KEYS[3], ARGV[2], 'PX', 600000)
local leave = tonumber(ARGV[6])
local snapshots = tonumber(ARGV[11] or '0')
for i = 4, 3 + leave do redis.call('ZREM', KEYS[i], ARGV[5]) end
for i = 4 + leave, #KEYS - snapshots do redis.call('ZADD', KEYS[i], ARGV[4], ARGV[5]) end
if snapshots == 1 then redis.call('SET', KEYS[#KEYS], ARGV[12], 'NX') end
redis.call('XADD', KEYS[2], '*', 'actor', ARGV[7], 'action', ARGV[8], 'version', ARGV[2], 'paths', ARGV[9], 'at', ARGV[10])
return 0
`;

/** KEYS: lease. ARGV: token. Deletes the lease only if this writer still holds it. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

type Arg = string | number;

export interface StoreScripts {
  tmCreate(numKeys: number, ...keysAndArgs: Arg[]): Promise<number>;
  tmUpdate(numKeys: number, ...keysAndArgs: Arg[]): Promise<number>;
  tmRelease(lease: string, token: string): Promise<number>;
}

/** The write scripts queued on a pipeline (its reply comes with the pipeline's). */
export interface StoreScriptsPipeline extends ChainableCommander {
  tmCreate(numKeys: number, ...keysAndArgs: Arg[]): StoreScriptsPipeline;
  tmUpdate(numKeys: number, ...keysAndArgs: Arg[]): StoreScriptsPipeline;
}

/** Register the scripts on a connection (ioredis runs them by EVALSHA, loading them when missing). */
export function withStoreScripts(redis: RedisClient): RedisClient & StoreScripts {
  redis.defineCommand('tmCreate', { lua: CREATE });
  redis.defineCommand('tmUpdate', { lua: UPDATE });
  redis.defineCommand('tmRelease', { lua: RELEASE, numberOfKeys: 1 });
  return redis as RedisClient & StoreScripts;
}
