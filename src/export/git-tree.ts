import type { Git } from './git-command';

/** What a path in a commit is, by its git mode. Links and submodules are never followed. */
export type EntryKind = 'folder' | 'file' | 'symbolic link' | 'submodule';

export interface TreeEntry {
  /** The path from the repository's root. */
  path: string;
  kind: EntryKind;
  /** The id of its object (blob, tree or commit), to read it by id rather than by path again. */
  object: string;
}

const KINDS: Readonly<Record<string, EntryKind>> = {
  '040000': 'folder',
  '100644': 'file',
  '100755': 'file',
  '120000': 'symbolic link',
  '160000': 'submodule',
};

/**
 * The entries of folder `dir` ('' for the root) in commit `rev`, read from git's objects: nothing
 * is checked out, so nothing on disk can be followed. With `recursive`, every entry below, folders
 * included. `dir` must be a folder in `rev` (see `walk`).
 */
export async function treeEntries(git: Git, rev: string, dir: string, recursive = false): Promise<TreeEntry[]> {
  const listed = await git(['ls-tree', '-z', ...(recursive ? ['-r', '-t'] : []), `${rev}:${dir}`]);
  return listed
    .split('\0')
    .filter((line) => line !== '')
    .map((line) => {
      const [meta = '', name = ''] = line.split('\t', 2);
      // An unknown mode is treated like a submodule: something that is neither a folder nor a file.
      const [mode = '', , object = ''] = meta.split(' ');
      const kind = KINDS[mode] ?? 'submodule';
      return { path: dir === '' ? name : `${dir}/${name}`, kind, object };
    });
}

/**
 * Walk `path` in commit `rev` one component at a time from the root, the way the file system
 * would resolve it: the first component that is not a folder ends the walk (`at` is that
 * component). `missing` when a component is not there at all.
 */
export async function walk(git: Git, rev: string, path: string): Promise<{ kind: EntryKind | 'missing'; at: string }> {
  let dir = '';
  for (const name of path.split('/')) {
    const at = dir === '' ? name : `${dir}/${name}`;
    const entry = (await treeEntries(git, rev, dir)).find((candidate) => candidate.path === at);
    if (!entry) return { kind: 'missing', at };
    if (entry.kind !== 'folder') return { kind: entry.kind, at };
    dir = at;
  }
  return { kind: 'folder', at: path };
}
