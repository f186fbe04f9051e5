import { randomUUID } from 'node:crypto';
import {
  type CallPriority,
  FIRST_RESERVE,
  type MethodBudget,
  SLACK_TIER_BUDGETS,
  type SlackBudget,
} from '../ports/slack-budget';
import type { RedisClient } from './redis-connection';
import type { RedisKeys } from './redis-keys';

/**
 * KEYS: the calls counted in the window (ZSET, scored by ms), the pause. ARGV: now, max (0: no
 * budget), window ms, how many of the window's calls this caller may not spend, a unique member.
 * A sliding window, as Slack counts "per minute": at most max calls in any window. Returns 0 when
 * the call is counted, else the ms until the pause ends or enough counted calls leave the window.
 */
const TAKE = `
local now = tonumber(ARGV[1])
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return paused - now end
local max = tonumber(ARGV[2])
if max <= 0 then return 0 end
local window = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local allowed = math.max(1, max - tonumber(ARGV[4]))
local count = redis.call('ZCARD', KEYS[1])
if count < allowed then
  redis.call('ZADD', KEYS[1], now, ARGV[5])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local leaving = redis.call('ZRANGE', KEYS[1], count - allowed, count - allowed, 'WITHSCORES')
return math.max(1, tonumber(leaving[2]) + window - now)
`;

/** KEYS: the pause. ARGV: now, ms. Extends the pause to now + ms (never shortens it). */
const PAUSE = `
local ms = tonumber(ARGV[2])
local untilMs = tonumber(ARGV[1]) + ms
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if untilMs > current then redis.call('SET', KEYS[1], tostring(untilMs), 'PX', math.ceil(ms)) end
return 0
`;

interface BudgetScripts {
  tmBudgetTake(
    window: string,
    pause: string,
    now: number,
    max: number,
    windowMs: number,
    reserve: number,
    member: string,
  ): Promise<number>;
  tmBudgetPause(pause: string, now: number, ms: number): Promise<number>;
}

/**
 * The Web API budget in Redis, so every app process spends the same one: per workspace and
 * method, a sliding window of counted calls and a pause set from Slack's Retry-After. A
 * workspace's keys share a hash tag (one Cluster slot); each step is one atomic script.
 */
export class RedisSlackBudget implements SlackBudget {
  private readonly redis: RedisClient & BudgetScripts;

  constructor(
    redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly budgets: Readonly<Record<string, MethodBudget>> = SLACK_TIER_BUDGETS,
  ) {
    redis.defineCommand('tmBudgetTake', { lua: TAKE, numberOfKeys: 2 });
    redis.defineCommand('tmBudgetPause', { lua: PAUSE, numberOfKeys: 1 });
    this.redis = redis as RedisClient & BudgetScripts;
  }

  async take(workspaceId: string, method: string, priority: CallPriority = 'first', now = Date.now()): Promise<number> {
    const budget = this.budgets[method];
    const reserve = budget && priority === 'later' ? Math.floor(budget.max * FIRST_RESERVE) : 0;
    const wait = await this.redis.tmBudgetTake(
      this.keys.budget(workspaceId, method),
      this.keys.budgetPause(workspaceId, method),
      now,
      budget?.max ?? 0,
      budget?.windowMs ?? 0,
      reserve,
      `${now}:${randomUUID()}`,
    );
    return Number(wait);
  }

  async pause(workspaceId: string, method: string, ms: number, now = Date.now()): Promise<void> {
    if (ms <= 0) return;
    await this.redis.tmBudgetPause(this.keys.budgetPause(workspaceId, method), now, ms);
  }
}
