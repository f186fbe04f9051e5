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
 * KEYS: the calls counted in the window (ZSET, scored by ms), the pause, until when an unnamed
 * call that goes first has been waiting, the named waiters' deadlines (ZSET: by when each must ask
 * again) and since when each has waited (HASH). ARGV: now, max (0: no budget), window ms, how many
 * of the window's calls this caller may not spend, a unique member, the grace after a waiter's
 * turn, the caller's priority (`first` or `later`), its waiter name ('' for none).
 *
 * A sliding window, as Slack counts "per minute": at most max calls in any window. Calls that go
 * first and are refused wait in line: a named one (a model's card) gets a freed slot only once
 * everyone who began to wait before it had theirs, and is told when its own turn comes; one that
 * does not ask again by then is dropped from the line. While anyone that goes first waits, calls
 * that go later (the lists) get nothing. Returns 0 when the call is counted, else the ms to wait.
 */
const TAKE = `
local now = tonumber(ARGV[1])
local paused = tonumber(redis.call('GET', KEYS[2]) or '0')
if paused > now then return paused - now end
local max = tonumber(ARGV[2])
if max <= 0 then return 0 end
local window = tonumber(ARGV[3])
local reserve = tonumber(ARGV[4])
local grace = tonumber(ARGV[6])
local first = ARGV[7] == 'first'
local waiter = ARGV[8]
local slot = math.max(1, math.ceil(window / max))
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
for _, gone in ipairs(redis.call('ZRANGEBYSCORE', KEYS[4], '-inf', now)) do
  redis.call('ZREM', KEYS[4], gone)
  redis.call('HDEL', KEYS[5], gone)
end
local waiters = redis.call('HGETALL', KEYS[5])
if not first then
  if #waiters > 0 then return slot end
  local flagged = tonumber(redis.call('GET', KEYS[3]) or '0')
  if flagged > now then return flagged - now end
end
local mine = nil
if first and waiter ~= '' then mine = tonumber(redis.call('HGET', KEYS[5], waiter)) end
local ahead = 0
if first then
  for i = 2, #waiters, 2 do
    if waiters[i - 1] ~= waiter and (mine == nil or tonumber(waiters[i]) < mine) then ahead = ahead + 1 end
  end
end
local allowed = math.max(1, max - reserve)
local count = redis.call('ZCARD', KEYS[1])
local free = allowed - count
if free > ahead then
  redis.call('ZADD', KEYS[1], now, ARGV[5])
  redis.call('PEXPIRE', KEYS[1], window)
  if waiter ~= '' then
    redis.call('ZREM', KEYS[4], waiter)
    redis.call('HDEL', KEYS[5], waiter)
  end
  return 0
end
local j = ahead - math.max(0, free) + math.max(0, count - allowed)
local wait = window
if j < count then
  local leaving = redis.call('ZRANGE', KEYS[1], j, j, 'WITHSCORES')
  wait = math.max(1, tonumber(leaving[2]) + window - now)
end
if first and waiter ~= '' then
  if mine == nil then redis.call('HSET', KEYS[5], waiter, tostring(now)) end
  redis.call('ZADD', KEYS[4], now + wait + grace, waiter)
  redis.call('PEXPIRE', KEYS[4], math.ceil(window * 2 + grace))
  redis.call('PEXPIRE', KEYS[5], math.ceil(window * 2 + grace))
elseif first then
  local untilMs = now + wait + grace
  if untilMs > tonumber(redis.call('GET', KEYS[3]) or '0') then
    redis.call('SET', KEYS[3], tostring(untilMs), 'PX', math.ceil(wait + grace))
  end
end
return wait
`;

/**
 * How long after its turn a waiting card still keeps its place (and the freed slots from the
 * lists): time for its retry to arrive (a timer, a Redis round trip, a busy process).
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
    waiterDeadlines: string,
    waitersSince: string,
    now: number,
    max: number,
    windowMs: number,
    reserve: number,
    member: string,
    graceMs: number,
    priority: CallPriority,
    waiter: string,
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
    redis.defineCommand('tmBudgetTake', { lua: TAKE, numberOfKeys: 5 });
    redis.defineCommand('tmBudgetPause', { lua: PAUSE, numberOfKeys: 1 });
    this.redis = redis as RedisClient & BudgetScripts;
  }

  async take(
    workspaceId: string,
    method: string,
    priority: CallPriority = 'first',
    now = Date.now(),
    waiter = '',
  ): Promise<number> {
    const budget = this.budgets[method];
    const reserve = budget && priority === 'later' ? Math.floor(budget.max * FIRST_RESERVE) : 0;
    const wait = await this.redis.tmBudgetTake(
      this.keys.budget(workspaceId, method),
      this.keys.budgetPause(workspaceId, method),
      this.keys.budgetFirstWaiting(workspaceId, method),
      this.keys.budgetWaiterDeadlines(workspaceId, method),
      this.keys.budgetWaitersSince(workspaceId, method),
      now,
      budget?.max ?? 0,
      budget?.windowMs ?? 0,
      reserve,
      `${now}:${randomUUID()}`,
      FIRST_WAITING_GRACE_MS,
      priority,
      waiter,
    );
    return Number(wait);
  }

  async pause(workspaceId: string, method: string, ms: number, now = Date.now()): Promise<void> {
    if (ms <= 0) return;
    await this.redis.tmBudgetPause(this.keys.budgetPause(workspaceId, method), now, ms);
  }
}
