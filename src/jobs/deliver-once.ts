import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { BudgetSpentError, ChannelBusyError } from '../errors';
import type { ChannelPacer } from '../ports/channel-pacer';
import type { Delivered, DeliveryLedger } from '../ports/delivery-ledger';
import { slackErrorCode } from '../slack/slack-errors';
import { rateLimitedFor } from './slack-failures';

const EVENT_TYPE = 'threadmodel_delivery';

export interface OutgoingMessage {
  /** A channel id, or a user id for a DM. */
  channel: string;
  thread_ts?: string | undefined;
  text: string;
  blocks?: KnownBlock[];
}

/**
 * Posts a job's Slack message exactly once, though BullMQ runs a job at least once. A ledger entry
 * per delivery id says "sending" before the call and "sent" after it; the message carries the id
 * in its metadata. When a worker died between the two (the entry still says "sending"), the next
 * attempt first looks for the message in the conversation and posts only if Slack never got it.
 * A channel that had a message less than a pace ago throws `ChannelBusyError` (the worker delays
 * only this job).
 */
export class SlackDelivery {
  constructor(
    private readonly client: WebClient,
    private readonly ledger: DeliveryLedger,
    private readonly pacer: ChannelPacer,
  ) {}

  async post(deliveryId: string, message: OutgoingMessage): Promise<Delivered> {
    const mark = await this.ledger.mark(deliveryId);
    if (mark.state === 'sent') return mark.delivered;
    const wait = await this.pacer.turn(message.channel, deliveryId);
    if (wait > 0) throw new ChannelBusyError(wait);
    const claimed = mark.state === 'none' && (await this.ledger.claim(deliveryId));
    if (!claimed) {
      const found = await this.find(deliveryId, message);
      if (found) {
        await this.ledger.markSent(deliveryId, found);
        return found;
      }
    }
    try {
      const posted = await this.client.chat.postMessage({
        channel: message.channel,
        text: message.text,
        ...(message.blocks && { blocks: message.blocks }),
        ...(message.thread_ts && { thread_ts: message.thread_ts }),
        metadata: { event_type: EVENT_TYPE, event_payload: { delivery_id: deliveryId } },
      });
      await this.pacer.posted(message.channel);
      const delivered = { channel: String(posted.channel), ts: String(posted.ts) };
      await this.ledger.markSent(deliveryId, delivered);
      return delivered;
    } catch (error) {
      // Slack answered (an error or a rate limit), or the budget held the call back: nothing was
      // posted, a retry may post. Otherwise (no answer) keep "sending", so the retry looks first.
      const unsent = slackErrorCode(error) || rateLimitedFor(error) !== undefined || error instanceof BudgetSpentError;
      if (unsent) await this.ledger.release(deliveryId);
      throw error;
    }
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
