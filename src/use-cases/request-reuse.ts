import type { ModelId } from '../domain/model';
import type { ModelRef } from '../ports/model-store';
import { editableModel } from './model-access';
import type { UseCaseOutcome } from './outcome';
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
 * `/threatmodel reuse TM-3 in TM-7`: queue reading TM-3 from the repository into TM-7, for a
 * user who may change TM-7 now. What comes in is decided when the job runs (reuseExportedModel).
 */
export async function requestReuse(
  deps: Pick<UseCaseDeps, 'store' | 'members' | 'exports' | 'clock'>,
  { ref, dependencyId, by }: RequestReuseInput,
): Promise<UseCaseOutcome> {
  const unavailable = exportsUnavailable(deps);
  if (unavailable) return unavailable;
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  if (!access.ok) return access;
  await deps.exports.reuseModel({
    workspaceId: ref.workspaceId,
    modelId: ref.modelId,
    dependencyId,
    requestedBy: by,
    requestedAt: deps.clock().toISOString(),
  });
  return { ok: true };
}
