import type { WebClient } from '@slack/web-api';
import type { AppSecDirectory, AppSecSettings } from '../ports/appsec-directory';
import { readChannelMembers } from './channel-members';
import { TtlCache } from './ttl-cache';

/** A workspace's AppSec settings, as its settings say at the time of asking. */
export type AppSecSettingsOf = (workspaceId: string) => Promise<AppSecSettings>;

/**
 * Who belongs to AppSec in a workspace: the members of its AppSec user group
 * (`usergroups.users.list`), or, with no group set, of its AppSec channel, as the workspace's
 * settings (else the deployment's defaults) name them. Read from Slack and cached for a short
 * while per workspace and group or channel, so a person added to or removed from the group is
 * taken into account within a minute, and a settings change at once.
 */
export class SlackAppSecDirectory implements AppSecDirectory {
  private readonly cache: TtlCache<string, string[]>;
  /** The bot's user id, per workspace (each installation has its own bot user). */
  private readonly botUserIds = new Map<string, string | undefined>();

  constructor(
    private readonly client: WebClient,
    private readonly settingsOf: AppSecSettingsOf,
    cacheMs = 60_000,
    now: () => number = Date.now,
  ) {
    this.cache = new TtlCache(cacheMs, now);
  }

  async configured(workspaceId: string): Promise<boolean> {
    return (await this.settingsOf(workspaceId)).channelId !== undefined;
  }

  async members(workspaceId: string): Promise<string[]> {
    const settings = await this.settingsOf(workspaceId);
    const source = settings.usergroupId ?? settings.channelId ?? 'none';
    return this.cache.get(`${workspaceId}|${source}`, () => this.read(workspaceId, settings));
  }

  async isMember(workspaceId: string, userId: string): Promise<boolean> {
    return (await this.members(workspaceId)).includes(userId);
  }

  private async read(workspaceId: string, { usergroupId, channelId }: AppSecSettings): Promise<string[]> {
    if (usergroupId) return (await this.client.usergroups.users.list({ usergroup: usergroupId })).users ?? [];
    if (!channelId) return [];
    const members = await readChannelMembers(this.client, channelId, 200);
    // The bot is a member of the channel but never a reviewer.
    if (!this.botUserIds.has(workspaceId)) this.botUserIds.set(workspaceId, (await this.client.auth.test()).user_id);
    const botUserId = this.botUserIds.get(workspaceId);
    return members.filter((id) => id !== botUserId);
  }
}
