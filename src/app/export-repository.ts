import { GitExportRepositoryFiles } from '../export/export-repository-files';
import { httpHeader } from '../export/publish-model';
import type { ExportSettings } from '../jobs/processors/processor-deps';
import type { ExportRepositoryFiles } from '../ports/export-repository-files';
import { WorkQueue } from '../slack/work-queue';

/** How many reads of the export repository one process runs at once (each is a git fetch). */
const READS_AT_ONCE = 2;

/**
 * The export repository's files for `/threatmodel import <path>`: the one place that turns export
 * settings into that port (undefined settings: exports are not set up, and every read says so).
 */
export function exportRepositoryFiles(settings: ExportSettings | undefined): ExportRepositoryFiles {
  const location = settings && {
    repoUrl: settings.gitUrl,
    baseBranch: settings.baseBranch,
    folder: settings.folder,
    ...httpHeader(settings),
  };
  return new GitExportRepositoryFiles(location, new WorkQueue(READS_AT_ONCE));
}
