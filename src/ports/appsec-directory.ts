/** Where AppSec reviews go and who AppSec is. Unset both: reviews are not set up. */
export interface AppSecSettings {
  /** The channel review requests are posted in. */
  channelId: string | undefined;
  /** The user group of the reviewers; without it, AppSec is the channel's members. */
  usergroupId: string | undefined;
}

/** Who belongs to AppSec (the user group, or the AppSec channel's members); the Slack adapter caches it briefly. */
export interface AppSecDirectory {
  readonly settings: AppSecSettings;
  /** Whether reviews can be requested at all (an AppSec channel is set). */
  readonly configured: boolean;
  members(): Promise<string[]>;
  isMember(userId: string): Promise<boolean>;
}
