import type { ThreatModel } from '../domain/model';
import { type ScopeKind, removeScopeElement as withoutScopeElement } from '../domain/scope-edits';
import type { ReopenedSteps } from '../domain/stale-steps';
import type { ModelRef } from '../ports/model-store';
import { type EditDeps, editModel } from './edit-model';
import type { UseCaseOutcome } from './outcome';
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
  deps: EditDeps & Pick<UseCaseDeps, 'cards'>,
  { ref, by, kind, elementId }: RemoveScopeElementInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; reopened: ReopenedSteps | undefined }>> {
  const edited = await editModel(deps, {
    ref,
    by,
    action: `scope.${kind}.remove`,
    change: (current) => withoutScopeElement(current, kind, elementId),
    refused: (outcome) =>
      outcome.reason === 'in_use'
        ? `${elementId} is still used by ${outcome.usedBy.join(', ')}: change or remove those first.`
        : `${elementId} no longer exists.`,
  });
  if (!edited.ok) return edited;
  deps.cards.refresh(ref);
  return { ok: true, model: edited.model, reopened: edited.reopened };
}
