import type { AppSecSettings } from '../domain/workspace-settings';

export type { AppSecSettings };

/**
 * Who belongs to AppSec in a workspace (its user group, or its AppSec channel's members, from the
 * workspace's settings); the Slack adapter caches it briefly.
 */
export interface AppSecDirectory {
  /** Whether reviews can be requested in the workspace at all (an AppSec channel is set). */
  configured(workspaceId: string): Promise<boolean>;
  members(workspaceId: string): Promise<string[]>;
  isMember(workspaceId: string, userId: string): Promise<boolean>;
}
