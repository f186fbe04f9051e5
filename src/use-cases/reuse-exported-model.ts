import { inheritFrom } from '../domain/dependency-import';
import type { ThreatModel } from '../domain/model';
import type { ModelRef } from '../ports/model-store';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface ReuseExportedModelInput {
  ref: ModelRef;
  /** Who asked for the reuse (`/threatmodel reuse`). */
  by: string;
  /** The exported model, as read from the repository. */
  dependency: ThreatModel;
}

/** What a reuse brought in: the ids given here to the inherited elements. */
export interface Inherited {
  components: string[];
  threats: string[];
  mitigations: string[];
}

/**
 * Bring an exported model's components, the threats on them and their mitigations into this model
 * as inherited, read-only elements (the domain refuses a model that cannot change now, a model
 * reusing itself, one with no components, or one that would break the limits); the card follows.
 */
export async function reuseExportedModel(
  deps: Pick<UseCaseDeps, 'store' | 'cards'>,
  { ref, by, dependency }: ReuseExportedModelInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; added: Inherited }>> {
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: 'model.reuse' }, (current) =>
    inheritFrom(current, dependency),
  );
  deps.cards.refresh(ref);
  if (!outcome.ok) return refuse(outcome.message);
  return { ok: true, model, added: outcome.added };
}
