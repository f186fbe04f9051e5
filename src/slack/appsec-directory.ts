import type { WebClient } from '@slack/web-api';
import type { AppSecDirectory, AppSecSettings } from '../ports/appsec-directory';
import { readChannelMembers } from './channel-members';
import { TtlCache } from './ttl-cache';

/** The one key of the cache: there is one AppSec. */
const APPSEC = 'appsec';

/**
 * Who belongs to AppSec: the members of the AppSec user group (`usergroups.users.list`), or, with
 * no group configured, of the AppSec channel. Read from Slack and cached for a short while, so a
 * person added to or removed from the group is taken into account within a minute.
 */
export class SlackAppSecDirectory implements AppSecDirectory {
  private readonly cache: TtlCache<typeof APPSEC, string[]>;
  private botUserId: string | undefined;

  constructor(
    private readonly client: WebClient,
    readonly settings: AppSecSettings,
    cacheMs = 60_000,
    now: () => number = Date.now,
  ) {
    this.cache = new TtlCache(cacheMs, now);
  }

  get configured(): boolean {
    return this.settings.channelId !== undefined;
  }

  members(): Promise<string[]> {
    return this.cache.get(APPSEC, () => this.read());
  }

  async isMember(userId: string): Promise<boolean> {
    return (await this.members()).includes(userId);
  }

  private async read(): Promise<string[]> {
    const { usergroupId, channelId } = this.settings;
    if (usergroupId) return (await this.client.usergroups.users.list({ usergroup: usergroupId })).users ?? [];
    if (!channelId) return [];
    const members = await readChannelMembers(this.client, channelId, 200);
    // The bot is a member of the channel but never a reviewer.
    this.botUserId ??= (await this.client.auth.test()).user_id;
    return members.filter((id) => id !== this.botUserId);
  }
}
