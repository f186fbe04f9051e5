import type { WebClient } from '@slack/web-api';
import type { AppSecDirectory, AppSecSettings } from '../ports/appsec-directory';
import { readChannelMembers } from './channel-members';
import { TtlCache } from './ttl-cache';
import { currentWorkspace } from './workspace-scope';

/**
 * The key of the cache: the workspace whose work is running (OAuth mode serves many, each read
 * with its own token), or one AppSec for the single workspace.
 */
const appsecKey = () => currentWorkspace()?.workspaceId ?? 'appsec';

/**
 * Who belongs to AppSec: the members of the AppSec user group (`usergroups.users.list`), or, with
 * no group configured, of the AppSec channel. Read from Slack and cached for a short while, so a
 * person added to or removed from the group is taken into account within a minute.
 */
export class SlackAppSecDirectory implements AppSecDirectory {
  private readonly cache: TtlCache<string, string[]>;
  /** The bot's user id, per workspace (each installation has its own bot user). */
  private readonly botUserIds = new Map<string, string | undefined>();

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
    return this.cache.get(appsecKey(), () => this.read());
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
    const key = appsecKey();
    if (!this.botUserIds.has(key)) this.botUserIds.set(key, (await this.client.auth.test()).user_id);
    const botUserId = this.botUserIds.get(key);
    return members.filter((id) => id !== botUserId);
  }
}
