import type { WebClient } from '@slack/web-api';
import type { ChannelMembers } from '../ports/channel-members';

/**
 * Who is in a channel, from `conversations.members` (paginated), cached briefly per channel.
 * Used to refuse changes to a model from people outside its channel.
 */
export class SlackChannelMembers implements ChannelMembers {
  private readonly cache = new Map<string, { members: Set<string>; until: number }>();

  constructor(
    private readonly client: WebClient,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async isMember(channelId: string, userId: string): Promise<boolean> {
    const cached = this.cache.get(channelId);
    if (cached && cached.until > this.now()) return cached.members.has(userId);
    const members = new Set<string>();
    let cursor: string | undefined;
    do {
      const page = await this.client.conversations.members({
        channel: channelId,
        limit: 1000,
        ...(cursor && { cursor }),
      });
      for (const member of page.members ?? []) members.add(member);
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    this.cache.set(channelId, { members, until: this.now() + this.ttlMs });
    return members.has(userId);
  }
}
