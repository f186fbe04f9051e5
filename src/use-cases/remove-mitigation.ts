import { removeMitigation as withoutMitigation } from '../domain/mitigation-edits';
import type { ThreatModel } from '../domain/model';
import type { ModelRef } from '../ports/model-store';
import { editableMitigation } from './editable-element';
import type { AccessDeps } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export type RemoveMitigationDeps = AccessDeps & Pick<UseCaseDeps, 'cards'>;

/**
 * Remove one of the team's mitigations (inherited ones change in the model they come from). Its
 * threats may then need another mitigation or a risk decision; the cards follow.
 */
export async function removeMitigation(
  deps: RemoveMitigationDeps,
  { ref, by, mitigationId }: { ref: ModelRef; by: string; mitigationId: string },
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const found = await editableMitigation(deps, { ref, by, id: mitigationId, own: true });
  if (!found.ok) return found;
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: 'mitigation.remove' }, (current) => {
    const next = withoutMitigation(current, mitigationId);
    return next ? { ok: true as const, model: next } : { ok: false as const };
  });
  if (!outcome.ok) return refuse(`${mitigationId} no longer exists in ${model.id}.`);
  deps.cards.refresh(ref);
  return { ok: true, model };
}
