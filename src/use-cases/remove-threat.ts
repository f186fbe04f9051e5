import type { ThreatModel } from '../domain/model';
import type { ReopenedSteps } from '../domain/stale-steps';
import { removeThreat as withoutThreat } from '../domain/threat-edits';
import type { ModelRef } from '../ports/model-store';
import { type EditDeps, editModel } from './edit-model';
import { editableThreat } from './editable-element';
import type { UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export type RemoveThreatDeps = EditDeps & Pick<UseCaseDeps, 'cards'>;

/**
 * Remove one of the team's threats. The domain refuses while a mitigation still addresses it
 * (so no mitigation points at nothing) and for inherited threats; the cards follow a removal.
 */
export async function removeThreat(
  deps: RemoveThreatDeps,
  { ref, by, threatId }: { ref: ModelRef; by: string; threatId: string },
): Promise<UseCaseOutcome<{ model: ThreatModel; reopened: ReopenedSteps | undefined }>> {
  const found = await editableThreat(deps, { ref, by, id: threatId, own: true });
  if (!found.ok) return found;
  const removed = await editModel(deps, {
    ref,
    by,
    action: 'threat.remove',
    change: (current) => withoutThreat(current, threatId),
    refused: (outcome) =>
      outcome.reason === 'in_use'
        ? `${threatId} is still addressed by ${outcome.usedBy.join(', ')}: change or remove those first.`
        : `${threatId} no longer exists.`,
  });
  if (!removed.ok) return removed;
  deps.cards.refresh(ref);
  return { ok: true, model: removed.model, reopened: removed.reopened };
}
