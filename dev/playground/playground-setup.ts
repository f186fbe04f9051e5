import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SlackCredentials } from '../../src/config';
import { type SlackStandIn, startSlackStandIn } from '../stand-in/stand-in-server';
import { CHANNELS, USERGROUPS } from '../stand-in/workspace';

export interface Playground {
  standIn: SlackStandIn;
  credentials: SlackCredentials & { mode: 'http' };
  /** The local bare repository exports go to. */
  exportRepo: string;
  appsec: { channelId: string; usergroupId: string };
  appsecUsers: readonly string[];
}

/**
 * Playground mode, for trying Threadmodel without a Slack app: the Slack stand-in (the same one
 * the tests use) as the workspace, with Alice, Bob, Carol, AppSec reviewers and channels; a
 * signing secret of the moment; and a local git repository under `.threadmodel/playground/`
 * that exports go to. Only configuration differs from production: the app itself is the same.
 */
export async function setUpPlayground(cwd: string): Promise<Playground> {
  const exportRepo = path.join(cwd, '.threadmodel', 'playground', 'exports.git');
  if (!existsSync(exportRepo)) createRepository(exportRepo);
  const standIn = await startSlackStandIn();
  return {
    standIn,
    credentials: {
      mode: 'http',
      botToken: standIn.token,
      signingSecret: randomBytes(16).toString('hex'),
      apiUrl: standIn.apiUrl,
    },
    exportRepo,
    appsec: { channelId: CHANNELS.APPSEC.id, usergroupId: USERGROUPS.APPSEC.id },
    appsecUsers: USERGROUPS.APPSEC.users,
  };
}

/** Export settings for the playground's own repository. */
export function playgroundExports(repo: string) {
  return {
    gitUrl: repo,
    baseBranch: 'main',
    folder: 'threat-models',
    author: { name: 'Threadmodel', email: 'threadmodel@localhost.localdomain' },
    github: undefined,
  };
}

/** A bare repository with a `main` branch holding a README, like a team's repository. */
function createRepository(repo: string): void {
  mkdirSync(path.dirname(repo), { recursive: true });
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Threadmodel',
    GIT_AUTHOR_EMAIL: 'threadmodel@localhost.localdomain',
    GIT_COMMITTER_NAME: 'Threadmodel',
    GIT_COMMITTER_EMAIL: 'threadmodel@localhost.localdomain',
  };
  const git = (cwd: string, ...args: string[]) =>
    execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'core.hooksPath=/dev/null', ...args], {
      cwd,
      env,
      stdio: 'ignore',
    });
  git(path.dirname(repo), 'init', '-q', '--bare', repo);
  const seed = mkdtempSync(path.join(os.tmpdir(), 'threadmodel-seed-'));
  try {
    git(seed, 'init', '-q');
    writeFileSync(
      path.join(seed, 'README.md'),
      '# Playground repository\n\nThreat models exported from the playground land here.\n',
    );
    git(seed, 'add', 'README.md');
    git(seed, 'commit', '-q', '-m', 'Start the playground repository');
    git(seed, 'push', '-q', repo, 'HEAD:refs/heads/main');
  } finally {
    rmSync(seed, { recursive: true, force: true });
  }
}
