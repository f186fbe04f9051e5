/** The round-robin turn of a workspace's review assignments, shared by every process. */
export interface ReviewRotation {
  /** The next turn, 1, 2, 3, ...: atomic across processes. */
  nextTurn(workspaceId: string): Promise<number>;
}
