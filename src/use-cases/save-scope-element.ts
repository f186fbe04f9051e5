import type { ThreatModel } from '../domain/model';
import {
  addScopeElement,
  SCOPE_KIND_NAMES,
  type ScopeElementInput,
  type ScopeKind,
  updateScopeElement,
} from '../domain/scope-edits';
import type { ReopenedSteps } from '../domain/stale-steps';
import { ModelInvalidError } from '../errors';
import type { ModelRef } from '../ports/model-store';
import { type EditDeps, editModel } from './edit-model';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface SaveScopeElementInput<K extends ScopeKind> {
  ref: ModelRef;
  by: string;
  kind: K;
  /** The element edited; absent when a new one is added. */
  elementId?: string | undefined;
  /** The element's fields, parsed and validated from the modal by the adapter. */
  input: ScopeElementInput<K>;
}

/**
 * Add a scope element (with the next id of its kind) or replace an existing one's fields, then
 * refresh the model's card and summary. The fields were checked against the model as it was when
 * the modal was submitted; if the model changed meanwhile so that they no longer fit (an element
 * they refer to was removed, the edited element is gone), nothing is saved and the user is told.
 */
export async function saveScopeElement<K extends ScopeKind>(
  deps: EditDeps & Pick<UseCaseDeps, 'cards' | 'logger'>,
  { ref, by, kind, elementId, input }: SaveScopeElementInput<K>,
): Promise<UseCaseOutcome<{ model: ThreatModel; reopened: ReopenedSteps | undefined }>> {
  try {
    const edited = await editModel(deps, {
      ref,
      by,
      action: `scope.${kind}.${elementId ? 'edit' : 'add'}`,
      change: (current): { ok: true; model: ThreatModel } | { ok: false } => {
        if (!elementId) return { ok: true, model: addScopeElement(current, kind, input).model };
        const next = updateScopeElement(current, kind, elementId, input);
        return next ? { ok: true, model: next } : { ok: false };
      },
      refused: () => `${elementId} was removed meanwhile; your edit was not saved.`,
    });
    if (!edited.ok) return edited;
    deps.cards.refresh(ref);
    return { ok: true, model: edited.model, reopened: edited.reopened };
  } catch (error) {
    if (!(error instanceof ModelInvalidError)) throw error;
    deps.logger.info({ model: ref.modelId, problems: error.problems }, 'scope change refused');
    return refuse(`Your ${SCOPE_KIND_NAMES[kind]} was not saved: the model changed meanwhile. Please try again.`);
  }
}
