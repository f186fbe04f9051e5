import type { WebClient } from '@slack/web-api';
import type { AppSecDirectory, AppSecSettings } from '../ports/appsec-directory';

/**
 * Who belongs to AppSec: the members of the AppSec user group (`usergroups.users.list`), or, with
 * no group configured, of the AppSec channel. Read from Slack and cached for a short while, so a
 * person added to or removed from the group is taken into account within a minute.
 */
export class SlackAppSecDirectory implements AppSecDirectory {
  private cached: { members: string[]; until: number } | undefined;
  private botUserId: string | undefined;

  constructor(
    private readonly client: WebClient,
    readonly settings: AppSecSettings,
    private readonly cacheMs = 60_000,
  ) {}

  get configured(): boolean {
    return this.settings.channelId !== undefined;
  }

  async members(): Promise<string[]> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.members;
    const members = await this.read();
    this.cached = { members, until: Date.now() + this.cacheMs };
    return members;
  }

  async isMember(userId: string): Promise<boolean> {
    return (await this.members()).includes(userId);
  }

  private async read(): Promise<string[]> {
    const { usergroupId, channelId } = this.settings;
    if (usergroupId) return (await this.client.usergroups.users.list({ usergroup: usergroupId })).users ?? [];
    if (!channelId) return [];
    const members: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.client.conversations.members({
        channel: channelId,
        limit: 200,
        ...(cursor && { cursor }),
      });
      members.push(...(page.members ?? []));
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    // The bot is a member of the channel but never a reviewer.
    this.botUserId ??= (await this.client.auth.test()).user_id;
    return members.filter((id) => id !== this.botUserId);
  }
}
