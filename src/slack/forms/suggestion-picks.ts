import type { ThreatSuggestion } from '../../catalog/catalog-queries';
import type { ViewState } from './form-values';

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
