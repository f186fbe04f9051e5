import type { Catalog } from '../catalog/catalog';
import { type SuggestionOrder, suggestThreats, type ThreatSuggestion } from '../catalog/catalog-queries';
import type { ThreatModel } from '../domain/model';
import type { ModelRef } from '../ports/model-store';
import { type AccessDeps, editableModel, modelReadyForThreats, readableModel } from './model-access';
import type { UseCaseOutcome } from './outcome';

export type SuggestionsDeps = AccessDeps & { catalog: Catalog };
export type Suggestions = UseCaseOutcome<{ model: ThreatModel; suggestions: ThreatSuggestion[] }>;

interface SuggestionsInput {
  ref: ModelRef;
  /** The Slack user who asks. */
  by: string;
  /** Most relevant first (the default), or by OWASP Top 10 category. */
  order?: SuggestionOrder | undefined;
}

/** The catalog threats that fit a model's components and are not in it yet, most relevant first or by Top 10 category. */
export function suggestionsFor(catalog: Catalog, model: ThreatModel, order?: SuggestionOrder): ThreatSuggestion[] {
  const present = new Set(
    model.threats.flatMap((t) => (t.origin.type === 'catalog' ? [t.origin.catalogThreatId] : [])),
  );
  return suggestThreats(catalog, model.scope.components, { exclude: present, ...(order && { order }) });
}

/** "Suggest from catalog": once the scope is finished, since suggestions fit its components. */
export async function openCatalogSuggestions(
  deps: SuggestionsDeps,
  { ref, by, order }: SuggestionsInput,
): Promise<Suggestions> {
  const access = await modelReadyForThreats(deps, ref.workspaceId, ref.modelId, by);
  if (!access.ok) return access;
  return { ok: true, model: access.model, suggestions: suggestionsFor(deps.catalog, access.model, order) };
}

/**
 * The suggestions as they are now, for a page turn of the open suggestions modal: turning a page
 * changes nothing, so a member of the model's channel may do it whatever the model's status.
 */
export async function currentSuggestions(
  deps: SuggestionsDeps,
  { ref, by, order }: SuggestionsInput,
): Promise<Suggestions> {
  const read = await readableModel(deps, ref.workspaceId, ref.modelId, by);
  if (!read.ok) return read;
  return { ok: true, model: read.model, suggestions: suggestionsFor(deps.catalog, read.model, order) };
}

/** The suggestions a submission picks from, for a user who may still change the model. */
export async function pickableSuggestions(
  deps: SuggestionsDeps,
  { ref, by, order }: SuggestionsInput,
): Promise<Suggestions> {
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  if (!access.ok) return access;
  return { ok: true, model: access.model, suggestions: suggestionsFor(deps.catalog, access.model, order) };
}
