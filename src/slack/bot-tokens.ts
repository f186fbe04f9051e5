import { NotInstalledError } from '../errors';
import { currentWorkspace } from './workspace-scope';

/**
 * Where the Web API clients get their bot token: the one SLACK_BOT_TOKEN (one workspace), or in
 * OAuth mode each workspace's own, from its installation (resolved per call, cached briefly by
 * the installation cache, so an uninstall or a reinstall is picked up without a restart).
 */
export type BotTokens =
  | { kind: 'single'; token: string }
  | { kind: 'installed'; forWorkspace(workspaceId: string): Promise<string | undefined> };

/** The client's own token: the single one, or none (OAuth: each call resolves its own). */
export function fixedToken(tokens: BotTokens): string | undefined {
  return tokens.kind === 'single' ? tokens.token : undefined;
}

/** A token of a workspace's installation, or NotInstalledError. */
async function installedToken(tokens: BotTokens & { kind: 'installed' }, workspaceId: string): Promise<string> {
  const token = await tokens.forWorkspace(workspaceId);
  if (!token) throw new NotInstalledError(workspaceId);
  return token;
}

/**
 * Per call, the token of the workspace whose work is running (the request's, as Bolt authorised
 * it, or the job's); undefined in single-workspace mode. Outside any workspace it refuses.
 */
export function scopedTokenFor(tokens: BotTokens): (() => Promise<string>) | undefined {
  if (tokens.kind === 'single') return undefined;
  return async () => {
    const scope = currentWorkspace();
    if (!scope) throw new NotInstalledError(undefined);
    return scope.botToken ?? installedToken(tokens, scope.workspaceId);
  };
}

/** Per call, the token of one workspace (a background client spends that workspace's budget). */
export function workspaceTokenFor(tokens: BotTokens, workspaceId: string): (() => Promise<string>) | undefined {
  return tokens.kind === 'single' ? undefined : () => installedToken(tokens, workspaceId);
}
