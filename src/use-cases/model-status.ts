import type { ThreatModel } from '../domain/model';
import { type ModelSummary, summarize } from '../domain/summary';
import type { ModelRef } from '../ports/model-store';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

/**
 * Where a model stands (`/threatmodel status TM-12`): the model and its summary (counts, progress,
 * residual and untreated risks), for a member of its channel only, like every other read of a model. A model in
 * a channel the user is not in is answered like a missing one, so private channels' models stay unseen.
 */
export async function modelStatus(
  deps: Pick<UseCaseDeps, 'store' | 'flow' | 'members'>,
  { ref, by }: { ref: ModelRef; by: string },
): Promise<UseCaseOutcome<{ model: ThreatModel; summary: ModelSummary }>> {
  const model = await deps.store.get(ref);
  if (!model || !(await deps.members.isMember(model.channelId, by))) {
    return refuse(`There is no threat model ${ref.modelId} in your channels.`);
  }
  return { ok: true, model, summary: summarize(deps.flow, model) };
}
