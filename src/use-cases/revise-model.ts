import type { ThreatModel } from '../domain/model';
import { reviseModel as reviseModelOf } from '../domain/versions';
import type { ModelRef } from '../ports/model-store';
import { readableModel } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface ReviseModelInput {
  ref: ModelRef;
  /** The Slack user who pressed "Revise". */
  by: string;
}

/**
 * "Revise" on an approved model: channel membership is checked first (it asks Slack); who may
 * (the owner or a role holder) and whether the model is still approved are decided inside the
 * store update that writes, against the model being written, so a role taken away or a second
 * click in between is refused. The approved version is stored as a read-only snapshot in the
 * same transaction; the cards follow.
 */
export async function reviseModel(
  deps: Pick<UseCaseDeps, 'store' | 'members' | 'clock' | 'cards'>,
  { ref, by }: ReviseModelInput,
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const access = await readableModel(deps, ref.workspaceId, ref.modelId, by, (id) => `revise ${id}`);
  if (!access.ok) return access;
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: 'model.revise' }, (current) =>
    reviseModelOf(current, { by, at: deps.clock() }),
  );
  if (!outcome.ok) return refuse(outcome.message);
  deps.cards.refresh(ref);
  return { ok: true, model };
}
