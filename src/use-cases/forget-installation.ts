import type { InstallationQuery } from '../ports/installation-store';
import type { ReminderKind } from '../ports/job-payloads';
import type { UseCaseDeps } from './use-case-deps';

const REMINDERS: readonly ReminderKind[] = ['review', 'idle'];
/** Models read per page while stopping a workspace's reminders. */
const PAGE = 200;

export interface ForgottenInstallation {
  /** Whether an installation's tokens were there to delete (OAuth mode). */
  tokensDeleted: boolean;
  /** The workspaces whose reminders were stopped. */
  workspaces: string[];
  /** How many models had their reminders cancelled. */
  models: number;
}

/**
 * The app was uninstalled from a workspace (or organisation), or its bot token revoked: its tokens
 * are deleted and its reminders stopped, so nothing more is sent there. Its models stay, as they
 * are the customer's record: a reinstall finds them as they were (and a person's next change
 * starts the reminders again).
 */
export async function forgetInstallation(
  deps: Pick<UseCaseDeps, 'installations' | 'store' | 'jobs'>,
  where: InstallationQuery,
): Promise<ForgottenInstallation> {
  const tokensDeleted = (await deps.installations?.remove(where)) ?? false;
  const orgWide = where.isEnterpriseInstall && where.enterpriseId !== undefined;
  const workspaces =
    orgWide && deps.installations && where.enterpriseId
      ? await deps.installations.members(where.enterpriseId)
      : where.teamId
        ? [where.teamId]
        : [];
  let models = 0;
  for (const workspaceId of workspaces) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await deps.store.list(workspaceId, { by: 'all' }, { offset, limit: PAGE });
      for (const model of page.items) {
        const ref = { workspaceId, modelId: model.id };
        for (const kind of REMINDERS) await deps.jobs.cancelReminder(ref, kind);
        models += 1;
      }
      if (page.items.length < PAGE) break;
    }
  }
  return { tokensDeleted, workspaces, models };
}
