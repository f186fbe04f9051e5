/**
 * Where OAuth installations live (OAuth mode only; a single-workspace app has none). One record
 * per workspace, or per Enterprise Grid organisation for an org-wide install. The bot token is a
 * secret: the adapter keeps it encrypted at rest, and nobody logs a record.
 */
export interface Installation {
  /** The workspace; undefined for an org-wide install (it serves every workspace of the org). */
  teamId: string | undefined;
  teamName?: string | undefined;
  enterpriseId: string | undefined;
  enterpriseName?: string | undefined;
  /** Installed org-wide (`org_deploy_enabled`): keyed by the organisation, not a workspace. */
  isEnterpriseInstall: boolean;
  appId?: string | undefined;
  bot: { token: string; id: string; userId: string; scopes: string[] };
  /** Who installed it. */
  installerUserId: string;
  /** ISO instant of the install (or the reinstall that replaced it). */
  installedAt: string;
}

/** Which installation: a workspace's, or (isEnterpriseInstall) an organisation's. */
export interface InstallationQuery {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall: boolean;
}

export interface InstallationStore {
  /** Keeps an installation, replacing the one it reinstalls. */
  save(installation: Installation): Promise<void>;
  /** The installation the query names, if the app is installed there. */
  find(query: InstallationQuery): Promise<Installation | undefined>;
  /** Forgets the installation's tokens (uninstall, revocation); whether there was one. Models stay. */
  remove(query: InstallationQuery): Promise<boolean>;
  /**
   * The installation serving a workspace in background work (jobs, refreshes), where only the
   * workspace id is known: its own, else its organisation's org-wide one (see `linkMember`).
   */
  forWorkspace(teamId: string): Promise<Installation | undefined>;
  /** Notes that a workspace is served by its organisation's org-wide install (seen on a request). */
  linkMember(teamId: string, enterpriseId: string): Promise<void>;
  /** The workspaces seen served by an organisation's org-wide install. */
  members(enterpriseId: string): Promise<string[]>;
}
