import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ExportPathError } from '../errors';
import { replaceFiles, replaceFolder } from './checkout-files';
import { commitText } from './commit-text';
import { type Git, gitIn } from './git-command';
import { treeEntries, walk } from './git-tree';

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
  /** The commit's subject: made one line of plain text here, whatever it holds. */
  message: string;
  author: { name: string; email: string };
  /**
   * Which export this is (the job's id, the same for each of its attempts): recorded in the
   * commit as a `Threadmodel-Export:` trailer, so a retry knows the commit it finds is its own.
   */
  exportId?: string;
  /**
   * `folder` (the default): the folder ends up holding exactly `files`, as a model's export does.
   * `files`: only these files are written, the folder's others kept (a catalog folder).
   */
  replace?: 'folder' | 'files';
  /** An HTTP header for git's requests (e.g. GitHub authorisation), kept out of URLs and logs. */
  httpHeader?: string;
}

/**
 * Who made the branch's commit for these files: this call (`now`), an earlier attempt of the same
 * export that pushed and then failed before it could say so (`earlier-attempt`), or an earlier
 * export: the folder already held exactly these files and no commit was made (`already-there`).
 */
export type CommitMade = 'now' | 'earlier-attempt' | 'already-there';

export interface PublishResult {
  branch: string;
  commit: string;
  made: CommitMade;
}

const TRAILER = 'Threadmodel-Export';

/**
 * Writes a model's export into a git repository: fetches the model's branch (or starts it from
 * the base branch), replaces the model's folder with exactly these files, commits as the bot and
 * pushes. The same files twice make no second commit. Works in a throwaway directory; nothing
 * of the app's state depends on it, so a failure loses nothing.
 *
 * Whoever can push to the repository can prepare the branch, so nothing in it is trusted: a
 * branch holding a symbolic link (or a submodule, or a file) where the export goes is refused
 * with an ExportPathError before anything is removed or written, first in git's objects, then
 * again on disk (see `replaceFolder`); links elsewhere are checked out as plain files.
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
  if (request.exportId !== undefined && !/^[\w.:-]{1,200}$/.test(request.exportId)) {
    throw new Error(`not an export id: ${JSON.stringify(request.exportId)}`);
  }
  const refuse = (at: string, holds: ExportPathError['holds']) =>
    new ExportPathError(request.branch, request.folder, at, holds);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'threadmodel-export-'));
  const git = gitIn(dir, { author: request.author, ...(request.httpHeader && { httpHeader: request.httpHeader }) });
  try {
    await git(['init', '-q']);
    await git(['remote', 'add', 'origin', request.repoUrl]);
    const branchExists = (await git(['ls-remote', '--heads', 'origin', request.branch])).trim() !== '';
    const baseExists =
      branchExists || (await git(['ls-remote', '--heads', 'origin', request.baseBranch])).trim() !== '';
    if (branchExists || baseExists) {
      await git(['fetch', '-q', '--depth', '1', 'origin', branchExists ? request.branch : request.baseBranch]);
      await refuseOddEntries(git, 'FETCH_HEAD', request.folder, refuse);
      await git(['checkout', '-q', '-b', request.branch, 'FETCH_HEAD']);
    } else {
      await git(['checkout', '-q', '--orphan', request.branch]);
    }
    const replace = request.replace === 'files' ? replaceFiles : replaceFolder;
    await replace(dir, request.folder, request.files, refuse);
    await git(['add', '-A', '--', request.folder]);
    const staged = (await git(['diff', '--cached', '--name-only'])).trim();
    if (staged === '') {
      const commit = (await git(['rev-parse', 'HEAD'])).trim();
      const madeBy = await exportOf(git, commit);
      const made = request.exportId !== undefined && madeBy === request.exportId ? 'earlier-attempt' : 'already-there';
      return { branch: request.branch, commit, made };
    }
    const trailer = request.exportId === undefined ? '' : `\n\n${TRAILER}: ${request.exportId}`;
    await git(['commit', '-q', '--no-verify', '-m', `${commitText(request.message, 300)}${trailer}`]);
    const commit = (await git(['rev-parse', 'HEAD'])).trim();
    await git(['push', '-q', 'origin', `HEAD:refs/heads/${request.branch}`]);
    return { branch: request.branch, commit, made: 'now' };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * In the fetched commit, before anything is checked out: every component of `folder` must be a
 * folder (or not there yet), and nothing below it may be a link or a submodule.
 */
async function refuseOddEntries(
  git: Git,
  rev: string,
  folder: string,
  refuse: (at: string, holds: ExportPathError['holds']) => Error,
): Promise<void> {
  const reached = await walk(git, rev, folder);
  if (reached.kind === 'missing') return;
  if (reached.kind !== 'folder') throw refuse(reached.at, reached.kind);
  const odd = (await treeEntries(git, rev, folder, true)).find(
    (entry) => entry.kind === 'symbolic link' || entry.kind === 'submodule',
  );
  if (odd) throw refuse(odd.path, odd.kind === 'symbolic link' ? 'symbolic link' : 'submodule');
}

/** The export id a commit records in its trailer, if it has one. */
async function exportOf(git: Git, commit: string): Promise<string | undefined> {
  const body = await git(['show', '-s', '--format=%B', commit]);
  return new RegExp(`^${TRAILER}: (\\S+)$`, 'm').exec(body)?.[1];
}
