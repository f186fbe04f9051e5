/** A summary of what reached the stand-in, for benchmarks that run it in another process. */
import { isObject } from './json';
import type { SlackStandIn } from './stand-in-server';
import type { StoredMessage } from './stand-in-types';

export interface StandInStats {
  /** Recorded calls by method (refused ones included). */
  calls: Record<string, number>;
  /** Calls refused by the rate limits. */
  rateLimited: number;
  /** Stored messages (thread replies included) by channel id. */
  messages: Record<string, number>;
  /** Messages whose `metadata.event_payload.delivery_id` is shared with another message (each one counted). */
  duplicates: number;
}

function countBy<T>(items: T[], key: (item: T) => string | undefined): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const value = key(item);
    if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

function nudgeId(message: StoredMessage): string | undefined {
  const payload = isObject(message.metadata) ? message.metadata.event_payload : undefined;
  const id = isObject(payload) ? payload.delivery_id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

export function standInStats(standIn: SlackStandIn): StandInStats {
  const messages = standIn.allMessagesNewestFirst();
  const nudges = [...countBy(messages, nudgeId).values()];
  return {
    calls: Object.fromEntries(countBy(standIn.calls, (call) => call.method)),
    rateLimited: standIn.rateLimitedCount,
    messages: Object.fromEntries(countBy(messages, (message) => message.channel)),
    duplicates: nudges.filter((count) => count > 1).reduce((sum, count) => sum + count, 0),
  };
}
