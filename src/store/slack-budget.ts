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
 * KEYS: the calls counted in the window (ZSET, scored by ms), the pause, until when a call that
 * goes first has been waiting. ARGV: now, max (0: no budget), window ms, how many of the window's
 * calls this caller may not spend, a unique member, the grace after a waiting call's turn, the
 * caller's priority (`first` or `later`). A sliding window, as Slack
 * counts "per minute": at most max calls in any window. A call that goes first and is refused
 * marks that it waits, until a little after its turn; meanwhile calls that go later get nothing,
 * so the slots that free go to the cards. Returns 0 when the call is counted, else the ms until
 * the pause ends, the waiting card had its turn, or enough counted calls leave the window.
 */
const TAKE = `
local now = tonumber(ARGV[1])
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return paused - now end
local max = tonumber(ARGV[2])
if max <= 0 then return 0 end
local window = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local reserve = tonumber(ARGV[4])
local first = ARGV[7] == 'first'
if not first then
  local waiting = tonumber(redis.call('GET', KEYS[3]) or '0')
  if waiting > now then return waiting - now end
end
local allowed = math.max(1, max - reserve)
local count = redis.call('ZCARD', KEYS[1])
if count < allowed then
  redis.call('ZADD', KEYS[1], now, ARGV[5])
  redis.call('PEXPIRE', KEYS[1], window)
  return 0
end
local leaving = redis.call('ZRANGE', KEYS[1], count - allowed, count - allowed, 'WITHSCORES')
local wait = math.max(1, tonumber(leaving[2]) + window - now)
if first then
  local untilMs = now + wait + tonumber(ARGV[6])
  if untilMs > tonumber(redis.call('GET', KEYS[3]) or '0') then
    redis.call('SET', KEYS[3], tostring(untilMs), 'PX', math.ceil(wait + tonumber(ARGV[6])))
  end
end
return wait
`;

/**
 * How long after its turn a waiting card still keeps the freed slots from the lists: time for
 * its retry to arrive (a timer, a Redis round trip, a busy process).
 */
export const FIRST_WAITING_GRACE_MS = 2000;

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
    firstWaiting: string,
    now: number,
    max: number,
    windowMs: number,
    reserve: number,
    member: string,
    graceMs: number,
    priority: CallPriority,
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
    redis.defineCommand('tmBudgetTake', { lua: TAKE, numberOfKeys: 3 });
    redis.defineCommand('tmBudgetPause', { lua: PAUSE, numberOfKeys: 1 });
    this.redis = redis as RedisClient & BudgetScripts;
  }

  async take(workspaceId: string, method: string, priority: CallPriority = 'first', now = Date.now()): Promise<number> {
    const budget = this.budgets[method];
    const reserve = budget && priority === 'later' ? Math.floor(budget.max * FIRST_RESERVE) : 0;
    const wait = await this.redis.tmBudgetTake(
      this.keys.budget(workspaceId, method),
      this.keys.budgetPause(workspaceId, method),
      this.keys.budgetFirstWaiting(workspaceId, method),
      now,
      budget?.max ?? 0,
      budget?.windowMs ?? 0,
      reserve,
      `${now}:${randomUUID()}`,
      FIRST_WAITING_GRACE_MS,
      priority,
    );
    return Number(wait);
  }

  async pause(workspaceId: string, method: string, ms: number, now = Date.now()): Promise<void> {
    if (ms <= 0) return;
    await this.redis.tmBudgetPause(this.keys.budgetPause(workspaceId, method), now, ms);
  }
}
