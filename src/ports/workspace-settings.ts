import type { WorkspaceConfig, WorkspaceSettings } from '../domain/workspace-settings';

/**
 * Each workspace's settings, and what is in force there. Everything that reads a setting (review
 * requests, AppSec membership, due dates, exports) asks here with the workspace of the work at
 * hand, at the time it runs: a job resolves its workspace's settings when it runs, not when it
 * was queued. The adapter may cache briefly; a save takes effect at once in its process.
 */
export interface WorkspaceSettingsSource {
  /** What is in force in the workspace: each of its own settings, else the deployment's default. */
  forWorkspace(workspaceId: string): Promise<WorkspaceConfig>;
  /** The workspace's own settings, tokens included (only its admins' form reads them, and masks them). */
  own(workspaceId: string): Promise<WorkspaceSettings | undefined>;
  /** Replaces the workspace's own settings (tokens sealed at rest). The caller has checked who may. */
  save(workspaceId: string, settings: WorkspaceSettings, by: string): Promise<void>;
  /** Whether tokens can be kept: an encryption key is configured (INSTALLATION_ENCRYPTION_KEYS). */
  readonly sealsSecrets: boolean;
  /** Whether a repository may be a local path (a developer machine; never in production). */
  readonly localRepositories: boolean;
}
