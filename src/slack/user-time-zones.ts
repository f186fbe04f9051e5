import type { WebClient } from '@slack/web-api';
import type { TimeZones } from '../ports/time-zones';
import { TtlCache } from './ttl-cache';

const DEFAULT_TTL_MS = 60 * 60 * 1000;

/**
 * Users' time zones as Slack knows them (`users.info`), cached for an hour: due dates and nudge
 * hours are computed in the reviewer's own zone. An unknown user or zone reads as undefined and
 * the caller falls back to UTC.
 */
export class SlackUserTimeZones implements TimeZones {
  private readonly cache: TtlCache<string, string | undefined>;

  constructor(
    private readonly client: WebClient,
    ttlMs = DEFAULT_TTL_MS,
    now: () => number = Date.now,
  ) {
    this.cache = new TtlCache(ttlMs, now);
  }

  of(userId: string): Promise<string | undefined> {
    return this.cache.get(userId, async (user) => (await this.client.users.info({ user })).user?.tz || undefined);
  }
}
