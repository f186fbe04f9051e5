import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ModelId, ThreatModel } from '../domain/model';
import { EXPORT_FILES } from './export-files';
import { type Git, type GitOptions, gitIn } from './git-command';
import { type EntryKind, treeEntries, walk } from './git-tree';
import { fromNativeJson } from './native-json';

export interface ExportLocation extends GitOptions {
  repoUrl: string;
  baseBranch: string;
  folder: string;
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
export async function readExportedModel(location: ExportLocation, modelId: ModelId): Promise<ReadOutcome> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'threadmodel-read-'));
  const git = gitIn(dir, location);
  try {
    await git(['init', '-q']);
    await git(['remote', 'add', 'origin', location.repoUrl]);
    for (const branch of [`threadmodel/${modelId}`, location.baseBranch]) {
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
