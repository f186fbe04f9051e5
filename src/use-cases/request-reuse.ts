import type { ModelId } from '../domain/model';
import type { ModelRef } from '../ports/model-store';
import { editableModel } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';
import { exportsUnavailable } from './request-export';
import type { UseCaseDeps } from './use-case-deps';

export interface RequestReuseInput {
  /** The model that reuses (it must be one the user may change). */
  ref: ModelRef;
  /** The exported model reused in it. */
  dependencyId: ModelId;
  by: string;
}

/**
 * The model reused must be one the user may read: a model of this workspace lives in a channel,
 * and only its members see it (answered like a missing one otherwise). One exported elsewhere
 * and not in the store is checked when the job reads it (reuseExportedModel).
 */
async function readableSource(
  deps: Pick<UseCaseDeps, 'store' | 'members'>,
  ref: ModelRef,
  by: string,
): Promise<UseCaseOutcome> {
  const source = await deps.store.get(ref);
  if (source && !(await deps.members.isMember(source.channelId, by))) {
    return refuse(`There is no threat model ${ref.modelId} in your channels.`);
  }
  return { ok: true };
}

/**
 * `/threatmodel reuse TM-3 in TM-7`: queue reading TM-3 from the repository into TM-7, for a
 * user who may change TM-7 now and may read TM-3 (a member of its channel too). What comes in is decided when the job runs (reuseExportedModel).
 */
export async function requestReuse(
  deps: Pick<UseCaseDeps, 'store' | 'members' | 'exports' | 'clock' | 'settings'>,
  { ref, dependencyId, by }: RequestReuseInput,
): Promise<UseCaseOutcome> {
  const unavailable = await exportsUnavailable(deps, ref.workspaceId);
  if (unavailable) return unavailable;
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  if (!access.ok) return access;
  const source = await readableSource(deps, { workspaceId: ref.workspaceId, modelId: dependencyId }, by);
  if (!source.ok) return source;
  await deps.exports.reuseModel({
    workspaceId: ref.workspaceId,
    modelId: ref.modelId,
    dependencyId,
    requestedBy: by,
    requestedAt: deps.clock().toISOString(),
  });
  return { ok: true };
}
