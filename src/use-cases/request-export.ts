import type { ThreatModel } from '../domain/model';
import type { ModelRef } from '../ports/model-store';
import { type Refused, refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

/**
 * Exports (and reuse of exported models) need a repository in the workspace's settings (or the
 * deployment's); when there is none, say whom to ask. Cheap (settings are cached briefly), so a
 * command can answer it in its ack.
 */
export async function exportsUnavailable(
  deps: Pick<UseCaseDeps, 'settings'>,
  workspaceId: string,
): Promise<Refused | undefined> {
  return (await deps.settings.forWorkspace(workspaceId)).export
    ? undefined
    : refuse(
        "Exports are not set up yet: ask a workspace admin to set the export repository in Threadmodel's Home tab (Settings).",
      );
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
  deps: Pick<UseCaseDeps, 'store' | 'members' | 'exports' | 'clock' | 'settings'>,
  { ref, by }: RequestExportInput,
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const unavailable = await exportsUnavailable(deps, ref.workspaceId);
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
