import type { Redis } from 'ioredis';
import type { RedisKeys } from '../store/redis-keys';

/** Slack's pace for chat.postMessage: about one message per second per channel. */
export const CHANNEL_PACE_MS = 1000;

/**
 * KEYS: the channel's next free time, this delivery's reserved slot. ARGV: now (ms), pace (ms).
 * A delivery that holds a slot goes once its time has come; one without takes the next free slot
 * of the channel. Returns how long to wait (0: go now).
 */
const TAKE_TURN = `
local now = tonumber(ARGV[1])
local pace = tonumber(ARGV[2])
local mine = redis.call('GET', KEYS[2])
if mine then
  local slot = tonumber(mine)
  if now + 25 >= slot then
    redis.call('DEL', KEYS[2])
    return 0
  end
  return slot - now
end
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nextFree)
redis.call('SET', KEYS[1], tostring(slot + pace), 'PX', math.floor(slot + pace - now + 1000))
if slot <= now then return 0 end
redis.call('SET', KEYS[2], tostring(slot), 'PX', math.floor(slot - now + 60000))
return slot - now
`;

/**
 * Keeps the job messages of every worker to Slack's pace in each channel. Each message waiting
 * for a busy channel gets its own slot (one pace after the previous), so a reviewer with ten nudges
 * due at once has them delivered a second apart, each job delayed once, and nobody else waits.
 */
export class ChannelPacer {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly paceMs = CHANNEL_PACE_MS,
  ) {}

  /** 0 when `deliveryId` may post in `channel` now, else how many ms to wait for its slot. */
  async turn(channel: string, deliveryId: string, now = Date.now()): Promise<number> {
    const wait = await this.redis.eval(
      TAKE_TURN,
      2,
      this.keys.pace(channel),
      this.keys.paceSlot(channel, deliveryId),
      now,
      this.paceMs,
    );
    return Number(wait);
  }
}
