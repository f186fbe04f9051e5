import { addMitigation, type MitigationInput, updateMitigation } from '../domain/mitigation-edits';
import type { ThreatModel } from '../domain/model';
import { ModelInvalidError } from '../errors';
import type { ModelRef } from '../ports/model-store';
import { type AccessDeps, editableModel } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface SaveMitigationInput {
  ref: ModelRef;
  /** The Slack user who writes the mitigation. */
  by: string;
  /** The mitigation to rewrite; absent for a new one. */
  mitigationId?: string | undefined;
  input: MitigationInput;
}

export type SaveMitigationDeps = AccessDeps & Pick<UseCaseDeps, 'cards' | 'clock'>;

/**
 * Add a mitigation (with the next M- id and its author) or rewrite one of the team's own, then
 * refresh the cards. One the model no longer accepts (a threat it addresses was removed
 * meanwhile) is refused, never half-applied.
 */
export async function saveMitigation(
  deps: SaveMitigationDeps,
  { ref, by, mitigationId, input }: SaveMitigationInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; mitigationId: string; edited: boolean }>> {
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  if (!access.ok) return access;
  try {
    const { model, changed, outcome } = await deps.store.update(
      ref,
      { actor: by, action: mitigationId ? 'mitigation.edit' : 'mitigation.add' },
      (current) => {
        if (mitigationId) {
          const edited = updateMitigation(current, mitigationId, input);
          return edited ? { ok: true as const, model: edited, mitigationId } : { ok: false as const };
        }
        const added = addMitigation(current, input, by, deps.clock());
        return { ok: true as const, model: added.model, mitigationId: added.id };
      },
    );
    if (!outcome.ok || !changed) return refuse(`${mitigationId || 'The mitigation'} was not changed.`);
    deps.cards.refresh(ref);
    return { ok: true, model, mitigationId: outcome.mitigationId, edited: Boolean(mitigationId) };
  } catch (error) {
    if (!(error instanceof ModelInvalidError)) throw error;
    return refuse('Your mitigation was not saved: the model changed meanwhile. Please try again.');
  }
}
