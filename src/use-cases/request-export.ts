import type { ThreatModel } from '../domain/model';
import type { ModelRef } from '../ports/model-store';
import { type Refused, refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

/**
 * Exports (and reuse of exported models) need a repository; when none is set, say whom to ask.
 * Cheap and synchronous, so a command can answer it in its ack.
 */
export function exportsUnavailable(deps: Pick<UseCaseDeps, 'exports'>): Refused | undefined {
  return deps.exports.configured
    ? undefined
    : refuse('Exports are not set up yet: ask whoever runs Threadmodel to set EXPORT_GIT_URL.');
}

export interface RequestExportInput {
  ref: ModelRef;
  /** Who asks: only a member of the model's channel may. */
  by: string;
}

/**
 * `/threatmodel export TM-12`: queue an export of the model as it is now (any status), for a
 * member of its channel. A model in a channel the user is not in is answered like a missing one.
 */
export async function requestExport(
  deps: Pick<UseCaseDeps, 'store' | 'members' | 'exports' | 'clock'>,
  { ref, by }: RequestExportInput,
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const unavailable = exportsUnavailable(deps);
  if (unavailable) return unavailable;
  const model = await deps.store.get(ref);
  if (!model || !(await deps.members.isMember(model.channelId, by))) {
    return refuse(`There is no threat model ${ref.modelId} in your channels.`);
  }
  await deps.exports.exportModel({
    workspaceId: model.workspaceId,
    modelId: model.id,
    requestedBy: by,
    reason: 'on_demand',
    requestedAt: deps.clock().toISOString(),
  });
  return { ok: true, model };
}
