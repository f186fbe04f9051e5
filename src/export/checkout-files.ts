import { constants } from 'node:fs';
import { lstat, mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';

/** The error for `at` (a path from the checkout's root) holding a link, or a file where a folder belongs. */
export type Refusal = (at: string, holds: 'symbolic link' | 'file') => Error;

// Create only, never through a link: a file (or a link, even a dangling one) already there fails.
const CREATE_NEW = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/**
 * Replace `folder` of the checkout at `root` with exactly `files`, never leaving the checkout:
 * before anything is removed or written, every component of the folder and of each file's path is
 * checked with lstat from the root (links are never followed, so a link anywhere on the way is
 * refused, and so is a file where a folder belongs); then folders are made one at a time and each
 * file is created new with O_EXCL | O_NOFOLLOW, so nothing can be written through a link that
 * appeared meanwhile. Names are the export's own, already checked to be plain relative segments.
 */
export async function replaceFolder(
  root: string,
  folder: string,
  files: readonly { path: string; content: string | Buffer }[],
  refuse: Refusal,
): Promise<void> {
  for (const file of files) await refuseLinksOnTheWay(root, `${folder}/${file.path}`, refuse);
  await rm(inside(root, folder), { recursive: true, force: true });
  await writeNew(root, folder, files, refuse);
}

/**
 * Like replaceFolder, but only `files` are replaced: the folder's other files stay as they are (a
 * catalog folder holds other entries). The same checks: no link on the way, nothing written
 * through one.
 */
export async function replaceFiles(
  root: string,
  folder: string,
  files: readonly { path: string; content: string | Buffer }[],
  refuse: Refusal,
): Promise<void> {
  for (const file of files) await refuseLinksOnTheWay(root, `${folder}/${file.path}`, refuse);
  // Each path was just checked: a plain file (removed here) or nothing yet.
  for (const file of files) await rm(inside(root, `${folder}/${file.path}`), { force: true });
  await writeNew(root, folder, files, refuse);
}

/** Make each file's folders one at a time, then create the file new (O_EXCL | O_NOFOLLOW). */
async function writeNew(
  root: string,
  folder: string,
  files: readonly { path: string; content: string | Buffer }[],
  refuse: Refusal,
): Promise<void> {
  for (const file of files) {
    const segments = `${folder}/${file.path}`.split('/');
    for (let depth = 1; depth < segments.length; depth += 1) {
      await makeFolder(root, segments.slice(0, depth).join('/'), refuse);
    }
    const handle = await open(inside(root, segments.join('/')), CREATE_NEW, 0o644);
    try {
      await handle.writeFile(file.content);
    } finally {
      await handle.close();
    }
  }
}

/** lstat each component of `relative` from the root: stops at the first one not there yet. */
async function refuseLinksOnTheWay(root: string, relative: string, refuse: Refusal): Promise<void> {
  const segments = relative.split('/');
  for (let depth = 1; depth <= segments.length; depth += 1) {
    const at = segments.slice(0, depth).join('/');
    const stat = await lstat(inside(root, at)).catch(notThere);
    if (!stat) return;
    if (stat.isSymbolicLink()) throw refuse(at, 'symbolic link');
    if (depth < segments.length && !stat.isDirectory()) throw refuse(at, 'file');
  }
}

/** A folder made by us, or one that was already there and is a real folder (not a link to one). */
async function makeFolder(root: string, relative: string, refuse: Refusal): Promise<void> {
  const made = await mkdir(inside(root, relative)).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return false;
      throw error;
    },
  );
  if (made) return;
  const stat = await lstat(inside(root, relative));
  if (stat.isSymbolicLink()) throw refuse(relative, 'symbolic link');
  if (!stat.isDirectory()) throw refuse(relative, 'file');
}

/** The absolute path of `relative` in the checkout; a path that would leave it is a bug, never written. */
function inside(root: string, relative: string): string {
  const full = path.resolve(root, ...relative.split('/'));
  const back = path.relative(root, full);
  if (back === '' || back.startsWith('..') || path.isAbsolute(back)) {
    throw new Error(`not inside the checkout: ${JSON.stringify(relative)}`);
  }
  return full;
}

function notThere(error: NodeJS.ErrnoException): undefined {
  if (error.code === 'ENOENT') return undefined;
  throw error;
}
