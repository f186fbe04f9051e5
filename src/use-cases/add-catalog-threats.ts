import type { Catalog } from '../catalog/catalog';
import type { ThreatSuggestion } from '../catalog/catalog-queries';
import type { ThreatModel } from '../domain/model';
import type { ReopenedSteps } from '../domain/stale-steps';
import { addThreat, type ThreatInput } from '../domain/threat-edits';
import type { ModelRef } from '../ports/model-store';
import { suggestionsFor } from './catalog-suggestions';
import { type EditDeps, editModel } from './edit-model';
import type { UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export type AddCatalogThreatsDeps = EditDeps & Pick<UseCaseDeps, 'catalog' | 'cards'>;

export interface AddCatalogThreatsInput {
  ref: ModelRef;
  /** The Slack user who picked them. */
  by: string;
  /** Catalog threat ids, e.g. `thr-sql-injection`. */
  picked: readonly string[];
}

/** A catalog threat as the model records it, placed on the components it fits; assets are the team's to map. */
function threatInput({ threat, componentIds }: ThreatSuggestion): ThreatInput {
  return {
    threatSource: threat.threatSource,
    prerequisites: threat.prerequisites,
    threatAction: threat.threatAction,
    threatImpact: threat.threatImpact,
    impactedGoals: threat.impactedGoals,
    impactedAssetIds: [],
    stride: threat.stride,
    affectedElementIds: componentIds,
  };
}

/** Add the picked catalog threats that still fit and are not in the model yet, each with its catalog origin. */
function addPicked(current: ThreatModel, catalog: Catalog, picked: readonly string[], by: string, now: Date) {
  const chosen = suggestionsFor(catalog, current).filter((s) => picked.includes(s.threat.id));
  if (chosen.length === 0) return { ok: false as const };
  return chosen.reduce(
    (acc, suggestion) => {
      const added = addThreat(acc.model, threatInput(suggestion), by, now, {
        type: 'catalog',
        catalogThreatId: suggestion.threat.id,
      });
      return { ok: true as const, model: added.model, added: [...acc.added, added.id] };
    },
    { ok: true as const, model: current, added: [] as string[] },
  );
}

/**
 * Add the catalog threats ticked in the suggestions modal. Picks that arrived meanwhile (someone
 * else added them) are skipped, so a threat is never added twice; the cards follow.
 */
export async function addCatalogThreats(
  deps: AddCatalogThreatsDeps,
  { ref, by, picked }: AddCatalogThreatsInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; added: string[]; reopened: ReopenedSteps | undefined }>> {
  const now = deps.clock();
  const edited = await editModel(deps, {
    ref,
    by,
    action: 'threat.add_from_catalog',
    change: (current) => addPicked(current, deps.catalog, picked, by, now),
    refused: () => 'Those threats are already in the model.',
  });
  if (!edited.ok) return edited;
  deps.cards.refresh(ref);
  return { ok: true, model: edited.model, added: edited.outcome.added, reopened: edited.reopened };
}
