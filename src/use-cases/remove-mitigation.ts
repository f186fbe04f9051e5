import { removeMitigation as withoutMitigation } from '../domain/mitigation-edits';
import type { ThreatModel } from '../domain/model';
import type { ReopenedSteps } from '../domain/stale-steps';
import type { ModelRef } from '../ports/model-store';
import { type EditDeps, editModel } from './edit-model';
import { editableMitigation } from './editable-element';
import type { UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export type RemoveMitigationDeps = EditDeps & Pick<UseCaseDeps, 'cards'>;

/**
 * Remove one of the team's mitigations (inherited ones change in the model they come from). Its
 * threats may then need another mitigation or a risk decision; the cards follow.
 */
export async function removeMitigation(
  deps: RemoveMitigationDeps,
  { ref, by, mitigationId }: { ref: ModelRef; by: string; mitigationId: string },
): Promise<UseCaseOutcome<{ model: ThreatModel; reopened: ReopenedSteps | undefined }>> {
  const found = await editableMitigation(deps, { ref, by, id: mitigationId, own: true });
  if (!found.ok) return found;
  const removed = await editModel(deps, {
    ref,
    by,
    action: 'mitigation.remove',
    change: (current) => {
      const next = withoutMitigation(current, mitigationId);
      return next ? { ok: true as const, model: next } : { ok: false as const };
    },
    refused: (_outcome, model) => `${mitigationId} no longer exists in ${model.id}.`,
  });
  if (!removed.ok) return removed;
  deps.cards.refresh(ref);
  return { ok: true, model: removed.model, reopened: removed.reopened };
}
