import type { WebClient } from '@slack/web-api';
import type { Redis } from 'ioredis';
import { slackErrorCode } from '../slack/slack-errors';
import type { RedisKeys } from '../store/redis-keys';
import type { ChannelPacer } from './channel-pacer';
import { rateLimitedFor } from './slack-failures';

const KEEP_S = 30 * 24 * 60 * 60;
const EVENT_TYPE = 'threadmodel_delivery';

export interface OutgoingMessage {
  /** A channel id, or a user id for a DM. */
  channel: string;
  thread_ts?: string | undefined;
  text: string;
  blocks?: unknown[];
}

export interface Delivered {
  channel: string;
  ts: string;
}

/**
 * The channel had a message from us less than the pace ago (Slack allows about one per second per
 * channel): try again after `retryInMs`. The worker delays only this job, the queue keeps going.
 */
export class ChannelBusyError extends Error {
  constructor(readonly retryInMs: number) {
    super(`channel busy for ${retryInMs} ms`);
    this.name = 'ChannelBusyError';
  }
}

/**
 * Posts a job's Slack message exactly once, though BullMQ runs a job at least once. A ledger entry
 * per delivery id says "sending" before the call and "sent" after it; the message carries the id
 * in its metadata. When a worker died between the two (the entry still says "sending"), the next
 * attempt first looks for the message in the conversation and posts only if Slack never got it.
 */
export class SlackDelivery {
  constructor(
    private readonly client: WebClient,
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly pacer: ChannelPacer,
  ) {}

  async post(deliveryId: string, message: OutgoingMessage): Promise<Delivered> {
    const key = this.keys.delivery(deliveryId);
    const state = await this.redis.get(key);
    const sent = parseSent(state);
    if (sent) return sent;
    const wait = await this.pacer.turn(message.channel, deliveryId);
    if (wait > 0) throw new ChannelBusyError(wait);
    const claimed = state === null && (await this.redis.set(key, 'sending', 'EX', KEEP_S, 'NX')) === 'OK';
    if (!claimed) {
      const found = await this.find(deliveryId, message);
      if (found) {
        await this.markSent(key, found);
        return found;
      }
    }
    try {
      const posted = await this.client.chat.postMessage({
        channel: message.channel,
        text: message.text,
        ...(message.blocks && { blocks: message.blocks as never }),
        ...(message.thread_ts && { thread_ts: message.thread_ts }),
        metadata: { event_type: EVENT_TYPE, event_payload: { delivery_id: deliveryId } },
      });
      await this.pacer.posted(message.channel);
      const delivered = { channel: String(posted.channel), ts: String(posted.ts) };
      await this.markSent(key, delivered);
      return delivered;
    } catch (error) {
      // Slack answered (an error or a rate limit): nothing was posted, a retry may post. Otherwise
      // (no answer) keep "sending", so the retry looks before it posts.
      if (slackErrorCode(error) || rateLimitedFor(error) !== undefined) await this.redis.del(key);
      throw error;
    }
  }

  private async markSent(key: string, delivered: Delivered): Promise<void> {
    await this.redis.set(key, `sent ${delivered.channel} ${delivered.ts}`, 'EX', KEEP_S);
  }

  /** The message with this delivery id, if Slack has it (DMs are found through conversations.open). */
  private async find(deliveryId: string, message: OutgoingMessage): Promise<Delivered | undefined> {
    const channel = /^[UW]/.test(message.channel)
      ? (await this.client.conversations.open({ users: message.channel })).channel?.id
      : message.channel;
    if (!channel) return undefined;
    const page = message.thread_ts
      ? await this.client.conversations.replies({
          channel,
          ts: message.thread_ts,
          include_all_metadata: true,
          limit: 200,
        })
      : await this.client.conversations.history({ channel, include_all_metadata: true, limit: 100 });
    const hit = page.messages?.find((candidate) => {
      const metadata = candidate.metadata as { event_payload?: { delivery_id?: unknown } } | undefined;
      return metadata?.event_payload?.delivery_id === deliveryId;
    });
    return hit?.ts ? { channel, ts: hit.ts } : undefined;
  }
}

function parseSent(state: string | null): Delivered | undefined {
  const [word, channel, ts] = (state ?? '').split(' ');
  return word === 'sent' && channel && ts ? { channel, ts } : undefined;
}
