import type { Catalog } from '../../catalog/catalog';
import { suggestThreats, type ThreatSuggestion } from '../../catalog/catalog-queries';
import type { ThreatModel } from '../../domain/model';
import type { ViewState } from './form-values';

/** The catalog threats that fit a model and are not in it yet, most relevant first. */
export function suggestionsFor(model: ThreatModel, catalog: Catalog): ThreatSuggestion[] {
  const present = new Set(
    model.threats.flatMap((t) => (t.origin.type === 'catalog' ? [t.origin.catalogThreatId] : [])),
  );
  return suggestThreats(catalog, model.scope.components, { exclude: present });
}

/**
 * Everything ticked so far: the ticks carried from other pages, with this page's ticks as the
 * view state now shows them (a box unticked on this page drops its id).
 */
export function mergePicks(carried: readonly string[], shownOnPage: readonly string[], state: ViewState): string[] {
  const ticked = Object.entries(state)
    .filter(([blockId]) => blockId.startsWith('suggestions_'))
    .flatMap(([, actions]) => Object.values(actions).flatMap((a) => a.selected_options?.map((o) => o.value) ?? []));
  const shown = new Set(shownOnPage);
  return [...new Set([...carried.filter((id) => !shown.has(id)), ...ticked])];
}

/** The ids a page of the suggestions modal shows. */
export function idsOnPage(suggestions: readonly ThreatSuggestion[], page: number, perPage: number): string[] {
  return suggestions.slice((page - 1) * perPage, page * perPage).map((s) => s.threat.id);
}
