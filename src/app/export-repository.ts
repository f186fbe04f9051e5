import { GitExportRepositoryFiles } from '../export/export-repository-files';
import { httpHeader } from '../export/publish-model';
import type { ExportSettings } from '../jobs/processors/processor-deps';
import type { ExportRepositoryFiles } from '../ports/export-repository-files';
import type { WorkspaceSettingsSource } from '../ports/workspace-settings';
import { WorkQueue } from '../slack/work-queue';

/** How many reads of the export repository one process runs at once (each is a git fetch). */
const READS_AT_ONCE = 2;

/**
 * The export repository's files for `/threatmodel import <path>`: the one place that turns a
 * workspace's export settings (its own, else the deployment's) into that port; a workspace
 * without any has exports not set up, and its reads say so.
 */
export function exportRepositoryFiles(settings: WorkspaceSettingsSource): ExportRepositoryFiles {
  return new GitExportRepositoryFiles(async (workspaceId) => {
    const target = (await settings.forWorkspace(workspaceId)).export;
    return target && locationOf(target);
  }, new WorkQueue(READS_AT_ONCE));
}

function locationOf(target: ExportSettings) {
  return {
    repoUrl: target.gitUrl,
    baseBranch: target.baseBranch,
    folder: target.folder,
    ...(target.workspaceSpace && { workspaceSpace: target.workspaceSpace }),
    ...httpHeader(target),
  };
}
