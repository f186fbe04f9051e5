import type { WebClient } from '@slack/web-api';
import type { TimeZones } from '../ports/time-zones';

const DEFAULT_TTL_MS = 60 * 60 * 1000;

/**
 * Users' time zones as Slack knows them (`users.info`), cached for an hour: due dates and nudge
 * hours are computed in the reviewer's own zone. An unknown user or zone reads as undefined and
 * the caller falls back to UTC.
 */
export class SlackUserTimeZones implements TimeZones {
  private readonly cache = new Map<string, { zone: string | undefined; until: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly ttlMs = DEFAULT_TTL_MS,
  ) {}

  async of(userId: string): Promise<string | undefined> {
    const cached = this.cache.get(userId);
    if (cached && cached.until > Date.now()) return cached.zone;
    const info = await this.client.users.info({ user: userId });
    const zone = info.user?.tz || undefined;
    this.cache.set(userId, { zone, until: Date.now() + this.ttlMs });
    return zone;
  }
}
