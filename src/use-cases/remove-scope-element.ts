import type { ThreatModel } from '../domain/model';
import { type ScopeKind, removeScopeElement as withoutScopeElement } from '../domain/scope-edits';
import type { ModelRef } from '../ports/model-store';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface RemoveScopeElementInput {
  ref: ModelRef;
  by: string;
  kind: ScopeKind;
  elementId: string;
}

/**
 * Remove a scope element. The domain refuses while anything still refers to it (the message says
 * what), and when it is gone already; the card and summary follow a removal.
 */
export async function removeScopeElement(
  deps: Pick<UseCaseDeps, 'store' | 'cards'>,
  { ref, by, kind, elementId }: RemoveScopeElementInput,
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: `scope.${kind}.remove` }, (current) =>
    withoutScopeElement(current, kind, elementId),
  );
  if (!outcome.ok) {
    return refuse(
      outcome.reason === 'in_use'
        ? `${elementId} is still used by ${outcome.usedBy.join(', ')}: change or remove those first.`
        : `${elementId} no longer exists.`,
    );
  }
  deps.cards.refresh(ref);
  return { ok: true, model };
}
