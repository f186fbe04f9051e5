/**
 * Slack's pace for chat.postMessage is about one message per second per channel. A tenth more
 * leaves room for a message posted a little after its slot (network, a busy worker), so the next
 * one never lands inside Slack's second.
 */
export const CHANNEL_PACE_MS = 1100;

/**
 * Keeps the job messages of every worker to Slack's pace in each channel. Each message waiting for
 * a busy channel gets its own slot (one pace after the previous), so ten nudges due at once go out
 * a pace apart, each job delayed once, and nobody else waits. Shared by every process
 * (`RedisChannelPacer`).
 */
export interface ChannelPacer {
  /** 0 when `deliveryId` may post in `channel` now (ms since the epoch), else how many ms to wait for its slot. */
  turn(channel: string, deliveryId: string, now?: number): Promise<number>;
  /** A message went out in `channel` (perhaps later than its slot): the next waits a pace from now. */
  posted(channel: string, now?: number): Promise<void>;
}
