import type { WebClient } from '@slack/web-api';
import type { ChannelMembers } from '../ports/channel-members';
import { TtlCache } from './ttl-cache';

/**
 * Every member of a channel, from `conversations.members` page by page (`client.paginate` follows
 * `next_cursor`). `pageSize` is the `limit` of each call: Slack allows up to 1000.
 */
export async function readChannelMembers(client: WebClient, channelId: string, pageSize: number): Promise<string[]> {
  const members: string[] = [];
  for await (const page of client.paginate('conversations.members', { channel: channelId, limit: pageSize })) {
    if ('members' in page && Array.isArray(page.members)) {
      members.push(...page.members.filter((member): member is string => typeof member === 'string'));
    }
  }
  return members;
}

/**
 * Who is in a channel, from `conversations.members` (paginated), cached briefly per channel.
 * Used to refuse changes to a model from people outside its channel.
 */
export class SlackChannelMembers implements ChannelMembers {
  private readonly cache: TtlCache<string, Set<string>>;

  constructor(
    private readonly client: WebClient,
    ttlMs = 60_000,
    now: () => number = Date.now,
  ) {
    this.cache = new TtlCache(ttlMs, now);
  }

  async isMember(channelId: string, userId: string): Promise<boolean> {
    const members = await this.cache.get(
      channelId,
      async (channel) => new Set(await readChannelMembers(this.client, channel, 1000)),
    );
    return members.has(userId);
  }
}
