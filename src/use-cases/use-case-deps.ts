import type { Catalog } from '../catalog/catalog';
import type { Flow } from '../domain/flow';
import type { Logger } from '../logger';
import type { AppSecDirectory } from '../ports/appsec-directory';
import type { ChannelMembers } from '../ports/channel-members';
import type { Clock } from '../ports/clock';
import type { ExportJobs } from '../ports/export-jobs';
import type { Idempotency } from '../ports/idempotency';
import type { InstallationStore } from '../ports/installation-store';
import type { MessageRefStore } from '../ports/message-refs';
import type { ModelCards } from '../ports/model-cards';
import type { ModelStore } from '../ports/model-store';
import type { ReviewJobs } from '../ports/review-jobs';
import type { ReviewRotation } from '../ports/review-rotation';
import type { TimeZones } from '../ports/time-zones';
import type { WorkspaceAdmins } from '../ports/workspace-admins';
import type { WorkspaceSettingsSource } from '../ports/workspace-settings';

export type { ReviewSettings } from '../domain/workspace-settings';

/**
 * Everything a use case may call: the data (flow, catalog) and the ports, wired by the
 * composition root. Listeners and job processors pass the same object (or a superset of it).
 */
export interface UseCaseDeps {
  store: ModelStore;
  messageRefs: MessageRefStore;
  idempotency: Idempotency;
  catalog: Catalog;
  flow: Flow;
  clock: Clock;
  logger: Logger;
  /** The review and reminder queues. */
  jobs: ReviewJobs;
  /** Exports to the repository, pictures in threads, reuse of exported models. */
  exports: ExportJobs;
  appsec: AppSecDirectory;
  members: ChannelMembers;
  timeZones: TimeZones;
  rotation: ReviewRotation;
  /** Re-render a model's messages after a change. */
  cards: ModelCards;
  /** Each workspace's settings (AppSec, review timing, exports), else the deployment's defaults. */
  settings: WorkspaceSettingsSource;
  /** Who administers each workspace in Slack (they may edit its settings). */
  admins: WorkspaceAdmins;
  /** OAuth mode: the app's installations (uninstall forgets one's tokens); undefined for one workspace. */
  installations?: InstallationStore;
}
