import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const run = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'init.defaultBranch=main', ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });

/**
 * A bare git repository on disk with a `main` branch holding a README, as a team's repository
 * would be: the export's remote in tests. `git(...)` runs git against it.
 */
export function bareRepo() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'threadmodel-repo-'));
  const bare = path.join(root, 'team.git');
  run(root, 'init', '-q', '--bare', bare);
  const work = path.join(root, 'seed');
  run(root, 'clone', '-q', bare, work);
  writeFileSync(path.join(work, 'README.md'), '# Team repo\n');
  run(work, 'add', 'README.md');
  run(work, 'commit', '-q', '-m', 'initial');
  run(work, 'push', '-q', 'origin', 'HEAD:refs/heads/main');
  return {
    url: bare,
    git: (...args: string[]) => run(bare, ...args),
    /** A git command's output as bytes (for binary files). */
    bytes: (...args: string[]) => execFileSync('git', args, { cwd: bare }),
    /**
     * Push a commit to `branch` (started from main) whose tree `build` prepares in a work tree, as
     * anyone with push access could: symbolic links included.
     */
    prepareBranch: (branch: string, build: (work: string) => void) => {
      const prepared = mkdtempSync(path.join(root, 'prepared-'));
      run(root, 'clone', '-q', '--branch', 'main', bare, prepared);
      build(prepared);
      run(prepared, 'add', '-A');
      run(prepared, 'commit', '-q', '-m', `prepared ${branch}`);
      run(prepared, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
      return run(prepared, 'rev-parse', 'HEAD').trim();
    },
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
