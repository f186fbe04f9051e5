import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ModelId, ThreatModel } from '../domain/model';
import { GitPublishError } from '../errors';
import { EXPORT_FILES } from './export-files';
import { type GitOptions, gitIn } from './git-command';
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
 * The file is checked with the full model schema; nothing is trusted because it is ours.
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
      const listed = await git(['ls-tree', '--name-only', 'FETCH_HEAD', `${location.folder}/`]).catch(() => '');
      const prefix = modelId.toLowerCase();
      const folder = listed
        .split('\n')
        .map((line) => line.trim())
        .find((entry) => {
          const name = entry.split('/').at(-1) ?? '';
          return name === prefix || name.startsWith(`${prefix}-`);
        });
      if (!folder) continue;
      const text = await git(['show', `FETCH_HEAD:${folder}/${EXPORT_FILES.native}`]).catch((error: unknown) => {
        if (error instanceof GitPublishError) return undefined;
        throw error;
      });
      if (text === undefined) continue;
      const parsed = fromNativeJson(text);
      if (!parsed.ok) {
        return {
          ok: false,
          message: `The export of ${modelId} on ${branch} cannot be read: its ${EXPORT_FILES.native} is not a model this version of Threadmodel reads.`,
          problems: parsed.problems,
        };
      }
      if (parsed.model.id !== modelId)
        return { ok: false, message: `${folder} holds ${parsed.model.id}, not ${modelId}.` };
      return { ok: true, model: parsed.model, ref: branch };
    }
    return { ok: false, message: `${modelId} has not been exported to the repository yet.` };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
