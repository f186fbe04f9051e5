import { CHANNEL_PACE_MS, type ChannelPacer } from '../ports/channel-pacer';
import type { RedisClient } from './redis-connection';
import type { RedisKeys } from './redis-keys';

/**
 * KEYS: the channel's next free time, this delivery's reserved slot, when the channel last had a
 * message. ARGV: now (ms), pace (ms). A delivery that holds a slot goes once its time has come and
 * a pace has passed since the last message actually posted (it may have gone out late); one
 * without a slot takes the next free one. Returns how long to wait (0: go now).
 */
const TAKE_TURN = `
local now = tonumber(ARGV[1])
local pace = tonumber(ARGV[2])
local last = tonumber(redis.call('GET', KEYS[3]) or '0')
local mine = redis.call('GET', KEYS[2])
if mine then
  local slot = math.max(tonumber(mine), last + pace)
  if now >= slot then
    redis.call('DEL', KEYS[2])
    return 0
  end
  redis.call('SET', KEYS[2], tostring(slot), 'PX', math.floor(slot - now + 60000))
  return slot - now
end
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, nextFree, last + pace)
redis.call('SET', KEYS[1], tostring(slot + pace), 'PX', math.floor(slot + pace - now + 1000))
if slot <= now then return 0 end
redis.call('SET', KEYS[2], tostring(slot), 'PX', math.floor(slot - now + 60000))
return slot - now
`;

/**
 * The channel pacer in Redis, so every worker process keeps the same pace: the three keys of a
 * channel share a hash tag (one Cluster slot), and one script takes a turn atomically.
 */
export class RedisChannelPacer implements ChannelPacer {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
    private readonly paceMs = CHANNEL_PACE_MS,
  ) {}

  async turn(channel: string, deliveryId: string, now = Date.now()): Promise<number> {
    const wait = await this.redis.eval(
      TAKE_TURN,
      3,
      this.keys.pace(channel),
      this.keys.paceSlot(channel, deliveryId),
      this.keys.paceLast(channel),
      now,
      this.paceMs,
    );
    return Number(wait);
  }

  async posted(channel: string, now = Date.now()): Promise<void> {
    await this.redis.set(this.keys.paceLast(channel), String(now), 'PX', this.paceMs * 2);
  }
}
