import { GitPublishError } from '../errors';
import type { ExportRepositoryFiles, RepositoryFileRead } from '../ports/export-repository-files';
import { type ExportLocation, readRepositoryFile } from './git-reader';

/** How long one read may take, every git command of it together. */
export const REPOSITORY_READ_TIMEOUT_MS = 60_000;

/** Where the reads wait their turn: a few at a time per process, however many people import at once. */
export interface ReadLane {
  run<T>(work: () => Promise<T>): Promise<T>;
}

export const EXPORTS_NOT_SET_UP =
  "Importing from the export repository needs exports set up: ask a workspace admin to set the export repository in Threadmodel's Home tab (Settings).";

/** Where a workspace's exports go (its settings over the deployment's); undefined when not set up. */
export type LocationOf = (workspaceId: string) => Promise<Omit<ExportLocation, 'signal'> | undefined>;

/**
 * The export repository's files through git (readRepositoryFile), one lane of reads per process,
 * each under a deadline. Each read goes to the asking workspace's own export repository; without
 * one, exports are not set up there and the read says so. Git's
 * own words go to the log only (`detail`, credentials already taken out), never to the person.
 */
export class GitExportRepositoryFiles implements ExportRepositoryFiles {
  constructor(
    private readonly locationOf: LocationOf,
    private readonly lane: ReadLane,
    private readonly timeoutMs = REPOSITORY_READ_TIMEOUT_MS,
  ) {}

  async read(workspaceId: string, path: string): Promise<RepositoryFileRead> {
    const location = await this.locationOf(workspaceId);
    if (!location) return { ok: false, problem: EXPORTS_NOT_SET_UP };
    return this.lane.run(async () => {
      const signal = AbortSignal.timeout(this.timeoutMs);
      try {
        return await readRepositoryFile({ ...location, signal }, path);
      } catch (error) {
        if (!(error instanceof GitPublishError)) throw error;
        const seconds = Math.ceil(this.timeoutMs / 1000);
        const problem = signal.aborted
          ? `The export repository did not answer within ${seconds} second${seconds === 1 ? '' : 's'}: try again later.`
          : 'I could not read the export repository just now: try again in a few minutes, and tell whoever runs Threadmodel if it keeps failing.';
        return { ok: false, problem, detail: error.message };
      }
    });
  }
}
