import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ModelId, ThreatModel } from '../domain/model';
import { IMPORT_LIMITS, tooLargeProblem } from '../import/import-limits';
import type { RepositoryFileRead } from '../ports/export-repository-files';
import { EXPORT_FILES } from './export-files';
import { type Git, type GitOptions, gitBytesIn, gitIn } from './git-command';
import { type EntryKind, treeEntries, walk } from './git-tree';
import { fromNativeJson } from './native-json';
import { repositoryPath } from './repository-path';
import { exportBranch } from './slug';

/** The export repository, its base branch, and the folder holding one folder per exported model. */
export interface ExportLocation extends GitOptions {
  repoUrl: string;
  baseBranch: string;
  folder: string;
  /** The workspace's part of a shared repository: its models' branches are `threadmodel/<space>/TM-n`. */
  workspaceSpace?: string | undefined;
}

/**
 * `message` is for the people in the thread (never a parser's or git's own words); `problems`, when
 * the file was there but unreadable, says why for the log.
 */
export type ReadOutcome =
  | { ok: true; model: ThreatModel; ref: string }
  | { ok: false; message: string; problems?: readonly string[] };

/**
 * A model as it was exported: its `threat-model.json` from the repository, on its own branch
 * `threadmodel/TM-n` (the latest export), else on the base branch (once that branch was merged).
 * The file is checked with the full model schema; nothing is trusted because it is ours, and a
 * symbolic link on the way (to the export folder, the model's folder or the file) is refused.
 */
export function readExportedModel(location: ExportLocation, modelId: ModelId): Promise<ReadOutcome> {
  return inScratchRepository(location, async (git) => {
    for (const branch of [exportBranch(modelId, location.workspaceSpace), location.baseBranch]) {
      if ((await git(['ls-remote', '--heads', 'origin', branch])).trim() === '') continue;
      await git(['fetch', '-q', '--depth', '1', 'origin', branch]);
      const found = await exportedFile(git, location.folder, modelId);
      if (found.kind === 'missing') continue;
      if (found.kind === 'refused') {
        return {
          ok: false,
          message: `The export of ${modelId} on ${branch} cannot be read: ${found.what} is a ${found.holds}; I read only plain files and folders inside the repository.`,
          problems: [`${JSON.stringify(found.at)} is a ${found.holds}`],
        };
      }
      const text = await git(['cat-file', 'blob', `FETCH_HEAD:${found.at}`]);
      const parsed = fromNativeJson(text);
      if (!parsed.ok) {
        return {
          ok: false,
          message: `The export of ${modelId} on ${branch} cannot be read: its ${EXPORT_FILES.native} is not a model this version of Threadmodel reads.`,
          problems: parsed.problems,
        };
      }
      if (parsed.model.id !== modelId)
        return { ok: false, message: `${found.folder} holds ${parsed.model.id}, not ${modelId}.` };
      return { ok: true, model: parsed.model, ref: branch };
    }
    return { ok: false, message: `${modelId} has not been exported to the repository yet.` };
  });
}

/**
 * Any file of the repository at its base branch, by a path someone typed (`/threatmodel import
 * <path>`): the path is checked first (repositoryPath), then found in git's objects one folder at
 * a time, so a symbolic link or submodule anywhere on the way, or as the file, is refused and
 * never followed; its size is asked of git before a byte of it is read, so nothing over the import
 * limit is. A file in a model's export folder says whose it is (exportedModelOf). Git failing
 * throws GitPublishError (credentials taken out); everything else that is wrong is a problem for
 * the person, naming the path and the branch.
 */
export function readRepositoryFile(location: ExportLocation, wanted: string): Promise<RepositoryFileRead> {
  const checked = repositoryPath(wanted);
  if (!checked.ok) return Promise.resolve({ ok: false, problem: checked.problem });
  const file = checked.path;
  const branch = location.baseBranch;
  const refused = (problem: string): RepositoryFileRead => ({ ok: false, problem });
  // A repository several workspaces share: each reads its own part only, never another's exports.
  if (location.workspaceSpace !== undefined && !file.startsWith(`${location.folder}/`)) {
    return Promise.resolve(
      refused(
        `This workspace shares the export repository with others: import a file of its own folder, \`${location.folder}/\`.`,
      ),
    );
  }
  const notPlain = (at: string, holds: EntryKind) =>
    refused(`\`${at}\` is a ${holds} on \`${branch}\`; I read only plain files and folders, and never follow links.`);
  return inScratchRepository(location, async (git, dir) => {
    if ((await git(['ls-remote', '--heads', 'origin', branch])).trim() === '') {
      return refused(`The export repository has no branch \`${branch}\`.`);
    }
    await git(['fetch', '-q', '--depth', '1', 'origin', branch]);
    const notFound = refused(`There is no \`${file}\` on \`${branch}\` in the export repository.`);
    const folder = file.split('/').slice(0, -1).join('/');
    if (folder !== '') {
      const reached = await walk(git, 'FETCH_HEAD', folder);
      if (reached.kind === 'symbolic link' || reached.kind === 'submodule') return notPlain(reached.at, reached.kind);
      if (reached.kind !== 'folder') return notFound;
    }
    const entry = (await treeEntries(git, 'FETCH_HEAD', folder)).find((candidate) => candidate.path === file);
    if (!entry) return notFound;
    if (entry.kind === 'folder') {
      return refused(
        `\`${file}\` is a folder on \`${branch}\`, not a file: give the path of a Threat Composer \`.tc.json\` or Threat Dragon \`.json\` file.`,
      );
    }
    if (entry.kind !== 'file' || !/^[0-9a-f]{40,64}$/.test(entry.object)) return notPlain(file, entry.kind);
    const size = Number((await git(['cat-file', '-s', entry.object])).trim());
    if (!(size <= IMPORT_LIMITS.fileBytesMax)) return refused(tooLargeProblem(file, size));
    const owner = await exportedModelOf(git, location.folder, file);
    if (owner.kind === 'unknown') {
      return refused(
        `\`${owner.folder}\` on \`${branch}\` is a model's export whose ${EXPORT_FILES.native} I cannot read, so I cannot tell whose it is; I import nothing from it.`,
      );
    }
    const bytes = await gitBytesIn(dir, location)(['cat-file', 'blob', entry.object]);
    return {
      ok: true,
      path: file,
      branch,
      bytes: new Uint8Array(bytes),
      ...(owner.kind === 'model' && { exportedFrom: owner.model }),
    };
  });
}

type Owner =
  | { kind: 'none' }
  | { kind: 'model'; model: { modelId: string; channelId: string } }
  | { kind: 'unknown'; folder: string };

/**
 * Whose file `file` is when it lies in a model's folder of the export folder
 * (`<export folder>/<model folder>/…`): that folder's own threat-model.json, read whole with the
 * model schema, names the model and its channel. A model folder without one is no export (anyone's
 * files); one whose file is a link or does not read is `unknown`, and nothing is imported from it.
 * The folders on the way were already walked as plain folders.
 */
async function exportedModelOf(git: Git, exportFolder: string, file: string): Promise<Owner> {
  const depth = exportFolder.split('/').length;
  const segments = file.split('/');
  if (!file.startsWith(`${exportFolder}/`) || segments.length < depth + 2) return { kind: 'none' };
  const folder = segments.slice(0, depth + 1).join('/');
  const wanted = `${folder}/${EXPORT_FILES.native}`;
  const native = (await treeEntries(git, 'FETCH_HEAD', folder)).find((entry) => entry.path === wanted);
  if (!native) return { kind: 'none' };
  if (native.kind !== 'file' || !/^[0-9a-f]{40,64}$/.test(native.object)) return { kind: 'unknown', folder };
  const parsed = fromNativeJson(await git(['cat-file', 'blob', native.object]));
  if (!parsed.ok) return { kind: 'unknown', folder };
  return { kind: 'model', model: { modelId: parsed.model.id, channelId: parsed.model.channelId } };
}

/** `work` in a throwaway repository whose `origin` is the location's, removed afterwards whatever happens. */
async function inScratchRepository<T>(
  location: GitOptions & { repoUrl: string },
  work: (git: Git, dir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'threadmodel-read-'));
  const git = gitIn(dir, location);
  try {
    await git(['init', '-q']);
    await git(['remote', 'add', 'origin', location.repoUrl]);
    return await work(git, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

type Found =
  | { kind: 'missing' }
  | { kind: 'file'; at: string; folder: string }
  | { kind: 'refused'; holds: 'symbolic link' | 'submodule'; at: string; what: string };

/**
 * The model's `threat-model.json` in the fetched commit, found in git's objects (nothing is
 * checked out): the export folder, the model's folder (`tm-12` or `tm-12-…`) and the file, each
 * with its kind, so a link or submodule anywhere on the way is refused, never followed (a file
 * where a folder belongs, or a folder where the file belongs, is simply not an export). `what`
 * names the culprit for people in the export's own words (names in the branch are anyone's).
 */
async function exportedFile(git: Git, exportFolder: string, modelId: ModelId): Promise<Found> {
  const notPlain = (entry: { kind: EntryKind | 'missing'; at: string }, what: string): Found =>
    entry.kind === 'symbolic link' || entry.kind === 'submodule'
      ? { kind: 'refused', holds: entry.kind, at: entry.at, what }
      : { kind: 'missing' };
  const base = await walk(git, 'FETCH_HEAD', exportFolder);
  if (base.kind !== 'folder') return notPlain(base, `\`${exportFolder}\``);
  const prefix = modelId.toLowerCase();
  const folder = (await treeEntries(git, 'FETCH_HEAD', exportFolder)).find((entry) => {
    const name = entry.path.split('/').at(-1) ?? '';
    return name === prefix || name.startsWith(`${prefix}-`);
  });
  if (!folder) return { kind: 'missing' };
  if (folder.kind !== 'folder') return notPlain({ kind: folder.kind, at: folder.path }, `the folder of ${modelId}`);
  const wanted = `${folder.path}/${EXPORT_FILES.native}`;
  const file = (await treeEntries(git, 'FETCH_HEAD', folder.path)).find((entry) => entry.path === wanted);
  if (!file) return { kind: 'missing' };
  if (file.kind !== 'file') return notPlain({ kind: file.kind, at: wanted }, `its ${EXPORT_FILES.native}`);
  return { kind: 'file', at: wanted, folder: folder.path };
}
