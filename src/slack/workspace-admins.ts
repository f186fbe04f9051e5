import type { WebClient } from '@slack/web-api';
import type { WorkspaceAdmins } from '../ports/workspace-admins';
import { TtlCache } from './ttl-cache';

/** How long a person's admin status is trusted: someone made or unmade an admin is seen within this. */
export const ADMIN_CACHE_MS = 60_000;

/**
 * Workspace admins and owners, as `users.info` says (`is_admin`, `is_owner`,
 * `is_primary_owner`), read with the interactive client (a person waits for their Home tab or
 * the settings form) and cached briefly per workspace and user. A user Slack cannot find, a
 * deactivated one or a failed call counts as no admin: the settings stay closed.
 */
export class SlackWorkspaceAdmins implements WorkspaceAdmins {
  private readonly cache: TtlCache<string, boolean>;

  constructor(
    private readonly client: WebClient,
    cacheMs = ADMIN_CACHE_MS,
    now: () => number = Date.now,
  ) {
    this.cache = new TtlCache(cacheMs, now);
  }

  isSlackAdmin(workspaceId: string, userId: string): Promise<boolean> {
    return this.cache
      .get(`${workspaceId}|${userId}`, async () => {
        const { user } = await this.client.users.info({ user: userId });
        return Boolean(user && !user.deleted && (user.is_admin || user.is_owner || user.is_primary_owner));
      })
      .catch(() => false);
  }
}
