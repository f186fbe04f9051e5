import { type CatalogProposal, catalogEntryId } from './catalog-proposals';
import type { ThreatModel } from './model';

/**
 * The model with the proposal recorded (the store audits the change): a first proposal adds a
 * record, a later one of the same item updates who and when and counts it. Pure.
 */
export function recordCatalogProposal(model: ThreatModel, itemId: string, by: string, now: Date): ThreatModel {
  const earlier = model.catalogProposals.find((proposal) => proposal.id === itemId);
  const record: CatalogProposal = {
    id: itemId,
    catalogId: catalogEntryId(model.id, itemId),
    proposedBy: by,
    proposedAt: now.toISOString(),
    times: (earlier?.times ?? 0) + 1,
  };
  return {
    ...model,
    catalogProposals: earlier
      ? model.catalogProposals.map((proposal) => (proposal.id === itemId ? record : proposal))
      : [...model.catalogProposals, record],
  };
}
