/** Who administers a Slack workspace (its admins and owners, as Slack says); the adapter caches briefly. */
export interface WorkspaceAdmins {
  /** Whether the user is an admin or owner of the workspace; false when Slack cannot say. */
  isSlackAdmin(workspaceId: string, userId: string): Promise<boolean>;
}
