import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The workspace whose work is running, and (for a Slack request) the token Bolt authorised it
 * with. In OAuth mode each workspace has its own bot token: a request's listeners, and whatever
 * they start after their ack, call Slack with the token of the installation that authorised the
 * request; a job runs in its model's workspace. Outside any scope there is no token at all, so a
 * call can never go out with another workspace's.
 */
export interface WorkspaceScope {
  workspaceId: string;
  /** Known for a Slack request (Bolt's context.botToken); a job resolves it from the installation. */
  botToken?: string;
}

const scopes = new AsyncLocalStorage<WorkspaceScope>();

/** Runs `work` (and everything it starts) in the workspace. */
export function inWorkspace<T>(scope: WorkspaceScope, work: () => T): T {
  return scopes.run(scope, work);
}

/** The workspace of the running work, if any. */
export function currentWorkspace(): WorkspaceScope | undefined {
  return scopes.getStore();
}
