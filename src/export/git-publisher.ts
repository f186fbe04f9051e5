import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gitIn } from './git-command';

export interface PublishedFile {
  /** Relative to the model's folder: plain names such as `report.md` or `images/dfd.svg`. */
  path: string;
  content: string | Buffer;
}

export interface PublishRequest {
  /** Any git URL, a local path included. Credentials in it are never shown in errors. */
  repoUrl: string;
  baseBranch: string;
  /** Where the commit goes, e.g. `threadmodel/TM-12`. */
  branch: string;
  /** The model's folder in the repository, e.g. `threat-models/tm-12-refunds-api`. */
  folder: string;
  files: readonly PublishedFile[];
  message: string;
  author: { name: string; email: string };
  /** An HTTP header for git's requests (e.g. GitHub authorisation), kept out of URLs and logs. */
  httpHeader?: string;
}

export interface PublishResult {
  branch: string;
  commit: string;
  /** False when the folder already held exactly these files: no commit was made. */
  changed: boolean;
}

/**
 * Writes a model's export into a git repository: fetches the model's branch (or starts it from
 * the base branch), replaces the model's folder with exactly these files, commits as the bot and
 * pushes. The same files twice make no second commit. Works in a throwaway directory; nothing
 * of the app's state depends on it, so a failure loses nothing.
 */
export async function publishToGit(request: PublishRequest): Promise<PublishResult> {
  for (const file of request.files) {
    if (
      !/^(?:[A-Za-z0-9._-]+\/)*[A-Za-z0-9._-]+$/.test(file.path) ||
      file.path.split('/').some((s) => /^\.+$/.test(s))
    ) {
      throw new Error(`not a safe file name: ${JSON.stringify(file.path)}`);
    }
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'threadmodel-export-'));
  const git = gitIn(dir, { author: request.author, ...(request.httpHeader && { httpHeader: request.httpHeader }) });
  try {
    await git(['init', '-q']);
    await git(['remote', 'add', 'origin', request.repoUrl]);
    const branchExists = (await git(['ls-remote', '--heads', 'origin', request.branch])).trim() !== '';
    const baseExists =
      branchExists || (await git(['ls-remote', '--heads', 'origin', request.baseBranch])).trim() !== '';
    if (branchExists) {
      await git(['fetch', '-q', '--depth', '1', 'origin', request.branch]);
      await git(['checkout', '-q', '-b', request.branch, 'FETCH_HEAD']);
    } else if (baseExists) {
      await git(['fetch', '-q', '--depth', '1', 'origin', request.baseBranch]);
      await git(['checkout', '-q', '-b', request.branch, 'FETCH_HEAD']);
    } else {
      await git(['checkout', '-q', '--orphan', request.branch]);
    }
    const folder = path.join(dir, ...request.folder.split('/'));
    await rm(folder, { recursive: true, force: true });
    for (const file of request.files) {
      const target = path.join(folder, ...file.path.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.content);
    }
    await git(['add', '-A', '--', request.folder]);
    const staged = (await git(['diff', '--cached', '--name-only'])).trim();
    if (staged === '') {
      return { branch: request.branch, commit: (await git(['rev-parse', 'HEAD'])).trim(), changed: false };
    }
    await git(['commit', '-q', '--no-verify', '-m', request.message]);
    const commit = (await git(['rev-parse', 'HEAD'])).trim();
    await git(['push', '-q', 'origin', `HEAD:refs/heads/${request.branch}`]);
    return { branch: request.branch, commit, changed: true };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
