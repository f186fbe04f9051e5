import type { ThreatModel } from '../domain/model';
import { diffModels, type ModelDiff } from '../domain/model-diff';
import { baseVersion, versionNumber } from '../domain/versions';
import type { ModelStore } from '../ports/model-store';
import { type AccessDeps, readableModel } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';

/**
 * What changed in a revised model since its last approved version (undefined for a model never
 * revised, or when the snapshot is missing). For the review card and the export, which run for
 * the system; people read it through readChanges.
 */
export async function changesSinceApproval(
  store: Pick<ModelStore, 'approvedVersion'>,
  model: ThreatModel,
): Promise<ModelDiff | undefined> {
  const base = baseVersion(model);
  if (!base) return undefined;
  const approved = await store.approvedVersion({ workspaceId: model.workspaceId, modelId: model.id }, base.number);
  return approved ? diffModels(approved, model, { from: base.number, to: versionNumber(model) }) : undefined;
}

/**
 * "What changed since v1": any member of the model's channel may read it, whatever its status;
 * a model never revised has nothing to compare.
 */
export async function readChanges(
  deps: AccessDeps,
  { ref, by }: { ref: { workspaceId: string; modelId: string }; by: string },
): Promise<UseCaseOutcome<{ model: ThreatModel; diff: ModelDiff }>> {
  const read = await readableModel(deps, ref.workspaceId, ref.modelId, by, (id) => `see what changed in ${id}`);
  if (!read.ok) return read;
  const diff = await changesSinceApproval(deps.store, read.model);
  if (!diff) return refuse(`${read.model.id} has not been revised: there is only version 1.`);
  return { ok: true, model: read.model, diff };
}
