import type { Delivered, DeliveryLedger, DeliveryMark } from '../ports/delivery-ledger';
import type { RedisClient } from './redis-connection';
import type { RedisKeys } from './redis-keys';

const KEEP_S = 30 * 24 * 60 * 60;

/** The delivery ledger as one string per delivery id: `sending`, or `sent <channel> <ts>`, kept 30 days. */
export class RedisDeliveryLedger implements DeliveryLedger {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: RedisKeys,
  ) {}

  async mark(deliveryId: string): Promise<DeliveryMark> {
    const state = await this.redis.get(this.keys.delivery(deliveryId));
    if (state === null) return { state: 'none' };
    const [word, channel, ts] = state.split(' ');
    return word === 'sent' && channel && ts ? { state: 'sent', delivered: { channel, ts } } : { state: 'sending' };
  }

  async claim(deliveryId: string): Promise<boolean> {
    return (await this.redis.set(this.keys.delivery(deliveryId), 'sending', 'EX', KEEP_S, 'NX')) === 'OK';
  }

  async markSent(deliveryId: string, delivered: Delivered): Promise<void> {
    await this.redis.set(this.keys.delivery(deliveryId), `sent ${delivered.channel} ${delivered.ts}`, 'EX', KEEP_S);
  }

  async release(deliveryId: string): Promise<void> {
    await this.redis.del(this.keys.delivery(deliveryId));
  }
}
