import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SlackCredentials } from '../../src/config';
import { createGlobexWorkspace, GLOBEX_CHANNELS, GLOBEX_USERGROUPS, GLOBEX_USERS } from '../stand-in/globex-workspace';
import type { OAuthApp } from '../stand-in/oauth';
import { type SlackStandIn, startSlackStandIn } from '../stand-in/stand-in-server';
import { CHANNELS, TEAM_ID, USERGROUPS, USERS } from '../stand-in/workspace';

/** A workspace of the playground: who installs the app there, and who AppSec is in it. */
export interface PlaygroundWorkspace {
  teamId: string;
  name: string;
  /** Who approves the install on Slack's (the stand-in's) authorize page at start-up. */
  installer: string;
  /** Installed through the OAuth redirect when the playground starts (else from the page's "Add to Slack"). */
  installedAtStart: boolean;
  appsec: { channelId: string; usergroupId: string };
  appsecUsers: readonly string[];
}

export interface Playground {
  standIn: SlackStandIn;
  credentials: SlackCredentials & { mode: 'oauth' };
  /** The local bare repository exports go to. */
  exportRepo: string;
  /** Acme first (installed at start-up, with the past models), then Globex (installed from the page). */
  workspaces: PlaygroundWorkspaces;
}

/** The first one is the stand-in's own workspace. */
export type PlaygroundWorkspaces = readonly [PlaygroundWorkspace, ...PlaygroundWorkspace[]];

/** The playground's workspaces, as the stand-in serves them (dev/stand-in/workspace.ts, globex-workspace.ts). */
export const PLAYGROUND_WORKSPACES: PlaygroundWorkspaces = [
  {
    teamId: TEAM_ID,
    name: 'Acme',
    installer: USERS.ALICE.id,
    installedAtStart: true,
    appsec: { channelId: CHANNELS.APPSEC.id, usergroupId: USERGROUPS.APPSEC.id },
    appsecUsers: USERGROUPS.APPSEC.users,
  },
  {
    teamId: createGlobexWorkspace().teamId,
    name: 'Globex',
    installer: GLOBEX_USERS.HANK.id,
    installedAtStart: false,
    appsec: { channelId: GLOBEX_CHANNELS.APPSEC.id, usergroupId: GLOBEX_USERGROUPS.APPSEC.id },
    appsecUsers: GLOBEX_USERGROUPS.APPSEC.users,
  },
];

/**
 * Playground mode, for trying Threadmodel without a Slack app: the Slack stand-in (the same one
 * the tests use) serving two workspaces, Acme (Alice, Bob, Carol, AppSec reviewers) and Globex
 * (people and an AppSec of its own); the app in OAuth mode, as a distributed app, with a client
 * id and secret, a state secret and an encryption key of the moment; and a local git repository
 * under `.threadmodel/playground/` that exports go to. Only configuration differs from
 * production: the app itself is the same.
 */
export async function setUpPlayground(cwd: string): Promise<Playground> {
  const exportRepo = path.join(cwd, '.threadmodel', 'playground', 'exports.git');
  if (!existsSync(exportRepo)) createRepository(exportRepo);
  const app = sessionApp();
  const standIn = await startSlackStandIn({ oauthApp: app });
  standIn.addWorkspace(createGlobexWorkspace());
  return {
    standIn,
    credentials: {
      mode: 'oauth',
      oauth: {
        ...app,
        stateSecret: randomBytes(32).toString('hex'),
        encryptionKeys: [{ id: 'playground', key: randomBytes(32) }],
        // The stand-in sends installers back to the app's one redirect URL, as Slack does with one registered.
        redirectUri: undefined,
        authorizeUrl: `${standIn.baseUrl}/oauth/v2/authorize`,
      },
      signingSecret: randomBytes(16).toString('hex'),
      apiUrl: standIn.apiUrl,
    },
    exportRepo,
    workspaces: PLAYGROUND_WORKSPACES,
  };
}

/** A distributed app's client id and secret for this session only (Slack's shapes: digits.digits, hex). */
function sessionApp(): OAuthApp {
  const digits = () => String(randomInt(1_000_000_000, 9_999_999_999));
  return { clientId: `${digits()}.${digits()}`, clientSecret: randomBytes(16).toString('hex') };
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
