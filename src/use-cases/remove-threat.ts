import type { ThreatModel } from '../domain/model';
import { removeThreat as withoutThreat } from '../domain/threat-edits';
import type { ModelRef } from '../ports/model-store';
import { editableThreat } from './editable-element';
import type { AccessDeps } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export type RemoveThreatDeps = AccessDeps & Pick<UseCaseDeps, 'cards'>;

/**
 * Remove one of the team's threats. The domain refuses while a mitigation still addresses it
 * (so no mitigation points at nothing) and for inherited threats; the cards follow a removal.
 */
export async function removeThreat(
  deps: RemoveThreatDeps,
  { ref, by, threatId }: { ref: ModelRef; by: string; threatId: string },
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const found = await editableThreat(deps, { ref, by, id: threatId, own: true });
  if (!found.ok) return found;
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: 'threat.remove' }, (current) =>
    withoutThreat(current, threatId),
  );
  if (!outcome.ok) {
    return refuse(
      outcome.reason === 'in_use'
        ? `${threatId} is still addressed by ${outcome.usedBy.join(', ')}: change or remove those first.`
        : `${threatId} no longer exists.`,
    );
  }
  deps.cards.refresh(ref);
  return { ok: true, model };
}
