import type { ThreatModel } from '../domain/model';
import { type ModelSummary, summarize } from '../domain/summary';
import type { ModelRef } from '../ports/model-store';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

/** Where a model stands (`/threatmodel status TM-12`): the model and its summary (counts, progress, residual and untreated risks). */
export async function modelStatus(
  deps: Pick<UseCaseDeps, 'store' | 'flow'>,
  { ref }: { ref: ModelRef },
): Promise<UseCaseOutcome<{ model: ThreatModel; summary: ModelSummary }>> {
  const model = await deps.store.get(ref);
  if (!model) return refuse(`There is no threat model ${ref.modelId} in this workspace.`);
  return { ok: true, model, summary: summarize(deps.flow, model) };
}
