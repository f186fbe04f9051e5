import type { ThreatModel } from '../domain/model';
import { type ModelSummary, summarize } from '../domain/summary';
import { versionNumber } from '../domain/versions';
import type { ModelRef } from '../ports/model-store';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

/**
 * Where a model stands (`/threatmodel status TM-12`, or an earlier approved version with
 * `/threatmodel status TM-12 v1`): the model and its summary (counts, progress,
 * residual and untreated risks), for a member of its channel only, like every other read of a model. A model in
 * a channel the user is not in is answered like a missing one, so private channels' models stay unseen.
 */
export async function modelStatus(
  deps: Pick<UseCaseDeps, 'store' | 'flow' | 'members'>,
  { ref, by, version }: { ref: ModelRef; by: string; version?: number | undefined },
): Promise<UseCaseOutcome<{ model: ThreatModel; summary: ModelSummary }>> {
  const model = await deps.store.get(ref);
  if (!model || !(await deps.members.isMember(model.channelId, by))) {
    return refuse(`There is no threat model ${ref.modelId} in your channels.`);
  }
  if (version === undefined || version === versionNumber(model)) {
    return { ok: true, model, summary: summarize(deps.flow, model) };
  }
  // An earlier approved version, exactly as it was approved (read-only: it is a snapshot).
  const approved = await deps.store.approvedVersion(ref, version);
  if (!approved) return refuse(`${model.id} has no approved v${version}; it is at v${versionNumber(model)}.`);
  return { ok: true, model: approved, summary: summarize(deps.flow, approved) };
}
