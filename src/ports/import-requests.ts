/** An open `/threatmodel import`: the thread waiting for a file, and who asked for it. */
export interface ImportRequest {
  workspaceId: string;
  channelId: string;
  /** The prompt's message: the thread the file is shared in, and the new model's card. */
  threadTs: string;
  userId: string;
}

/** Where the import threads waiting for a file are remembered (they expire unanswered). */
export interface ImportRequests {
  open(request: ImportRequest, ttlMs: number): Promise<void>;
  /**
   * Take the thread's open request, if any: only one caller gets it, so a file shared twice (or an
   * event delivered twice) makes one model. Give it back with `open` when the file was refused.
   */
  take(workspaceId: string, channelId: string, threadTs: string): Promise<ImportRequest | undefined>;
}
