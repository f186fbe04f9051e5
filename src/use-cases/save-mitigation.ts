import { addMitigation, type MitigationInput, updateMitigation } from '../domain/mitigation-edits';
import type { ThreatModel } from '../domain/model';
import type { ReopenedSteps } from '../domain/stale-steps';
import { ModelInvalidError } from '../errors';
import type { ModelRef } from '../ports/model-store';
import { type EditDeps, editModel } from './edit-model';
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

export type SaveMitigationDeps = EditDeps & Pick<UseCaseDeps, 'cards'>;

/**
 * Add a mitigation (with the next M- id and its author) or rewrite one of the team's own, then
 * refresh the cards. One the model no longer accepts (a threat it addresses was removed
 * meanwhile) is refused, never half-applied.
 */
export async function saveMitigation(
  deps: SaveMitigationDeps,
  { ref, by, mitigationId, input }: SaveMitigationInput,
): Promise<
  UseCaseOutcome<{ model: ThreatModel; mitigationId: string; edited: boolean; reopened: ReopenedSteps | undefined }>
> {
  const notChanged = `${mitigationId || 'The mitigation'} was not changed.`;
  const now = deps.clock();
  try {
    const saved = await editModel(deps, {
      ref,
      by,
      action: mitigationId ? 'mitigation.edit' : 'mitigation.add',
      change: (current) => {
        if (mitigationId) {
          const edited = updateMitigation(current, mitigationId, input);
          return edited ? { ok: true as const, model: edited, mitigationId } : { ok: false as const };
        }
        const added = addMitigation(current, input, by, now);
        return { ok: true as const, model: added.model, mitigationId: added.id };
      },
      refused: () => notChanged,
    });
    if (!saved.ok) return saved;
    if (!saved.changed) return refuse(notChanged);
    deps.cards.refresh(ref);
    const { model, outcome, reopened } = saved;
    return { ok: true, model, mitigationId: outcome.mitigationId, edited: Boolean(mitigationId), reopened };
  } catch (error) {
    if (!(error instanceof ModelInvalidError)) throw error;
    return refuse('Your mitigation was not saved: the model changed meanwhile. Please try again.');
  }
}
