/** A file read from the export repository, or why it could not be. */
export type RepositoryFileRead =
  | {
      ok: true;
      /** The path as read (checked to be a plain relative path). */
      path: string;
      /** The branch it was read from (the export's base branch). */
      branch: string;
      bytes: Uint8Array;
      /**
       * Set when the file is in a model's export folder: the model the folder's own
       * threat-model.json says it is, and its channel (only that channel's members may bring its
       * content elsewhere, as with reuse).
       */
      exportedFrom?: { modelId: string; channelId: string };
    }
  | {
      ok: false;
      /** For the person who asked: never git's own words, a URL or a credential. */
      problem: string;
      /** For the log, when something failed that the person cannot fix (git's words, credentials taken out). */
      detail?: string;
    };

/**
 * Files of the repository exports go to (EXPORT_GIT_URL), read at its base branch: what
 * `/threatmodel import <path>` imports. One port, so where a workspace's export settings come from
 * is decided in the composition root alone.
 */
export interface ExportRepositoryFiles {
  /**
   * The file at `path` (as typed: the adapter checks it), or a problem: exports not set up, a path
   * that is not a plain relative one, not on the branch, a folder, a symbolic link or submodule
   * (never followed), over the import size limit, or the repository not answering in time.
   */
  read(workspaceId: string, path: string): Promise<RepositoryFileRead>;
}
