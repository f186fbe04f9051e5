import type { Stride } from '../domain/stride';
import { type Catalog, typeLineage } from './catalog';
import type { CatalogThreat, Control, EntryPointKind } from './catalog-schema';
import { owaspCategory } from './owasp-top10';
import { referenceLabels } from './reference-labels';

const SEVERITY_WEIGHT: Record<CatalogThreat['severity'], number> = { low: 1, medium: 2, high: 3, critical: 4 };

export interface ThreatSuggestion {
  threat: CatalogThreat;
  /** Higher is more relevant: severity times how closely and how often it fits the components. */
  score: number;
  /** The model's components it fits. */
  componentIds: string[];
}

/**
 * How suggestions are listed: most relevant first, or by OWASP Top 10 2021 category (A01 to A10,
 * most relevant first within each; threats citing no category are left out).
 */
export const SUGGESTION_ORDERS = ['relevance', 'owaspTop10'] as const;
export type SuggestionOrder = (typeof SUGGESTION_ORDERS)[number];

/**
 * Catalog threats that fit a model's components, most relevant first. A threat written for a
 * component's exact type (e.g. aws-s3) fits better than one inherited from its generic type
 * (object-store); a threat fitting several components ranks above one fitting a single one;
 * severity multiplies. Threats already in the model can be excluded.
 */
export function suggestThreats(
  catalog: Catalog,
  components: readonly { id: string; type: string }[],
  options: { exclude?: ReadonlySet<string>; limit?: number; order?: SuggestionOrder } = {},
): ThreatSuggestion[] {
  const lineages = components.map((component) => ({ component, lineage: typeLineage(catalog, component.type) }));
  const suggestions: ThreatSuggestion[] = [];
  for (const threat of catalog.threats.values()) {
    if (options.exclude?.has(threat.id)) continue;
    let fit = 0;
    const componentIds: string[] = [];
    for (const { component, lineage } of lineages) {
      const depth = lineage.findIndex((type) => threat.appliesTo.includes(type));
      if (depth < 0) continue;
      fit += depth === 0 ? 2 : 1;
      componentIds.push(component.id);
    }
    if (fit > 0) suggestions.push({ threat, score: fit * SEVERITY_WEIGHT[threat.severity], componentIds });
  }
  suggestions.sort((a, b) => b.score - a.score || a.threat.id.localeCompare(b.threat.id));
  const ordered = options.order === 'owaspTop10' ? byOwaspTop10(suggestions) : suggestions;
  return options.limit === undefined ? ordered : ordered.slice(0, options.limit);
}

/** Suggestions citing a Top 10 category, grouped by it in A01 to A10 order; the sort is stable, so relevance holds within a group. */
function byOwaspTop10(suggestions: readonly ThreatSuggestion[]): ThreatSuggestion[] {
  return suggestions
    .flatMap((suggestion) => {
      const category = owaspCategory(suggestion.threat);
      return category ? [{ suggestion, category }] : [];
    })
    .sort((a, b) => a.category.localeCompare(b.category))
    .map(({ suggestion }) => suggestion);
}

/** A native entry-point kind of a component type, by id. */
export function nativeKind(catalog: Catalog, typeId: string, kindId: string): EntryPointKind | undefined {
  return catalog.componentTypes.get(typeId)?.entryPointKinds.find((k) => k.id === kindId);
}

/** The baseline controls the catalog proposes for a threat. */
export function controlsForThreat(catalog: Catalog, threatId: string): Control[] {
  return (catalog.controlsByThreat.get(threatId) ?? []).flatMap((id) => catalog.controls.get(id) ?? []);
}

export type SearchHit =
  | { kind: 'threat'; entry: CatalogThreat; score: number }
  | { kind: 'control'; entry: Control; score: number };

/**
 * Full-text search over threats and controls: every word of the query must appear somewhere;
 * words in the title count most, then ids and references, then the rest of the text.
 */
export function searchCatalog(catalog: Catalog, query: string, limit = 20): SearchHit[] {
  const words = tokens(query);
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  const score = (title: string, ids: string, body: string) => {
    const fields = [
      { text: tokens(title), weight: 3 },
      { text: tokens(ids), weight: 2 },
      { text: tokens(body), weight: 1 },
    ];
    let total = 0;
    for (const word of words) {
      const best = Math.max(0, ...fields.filter((f) => f.text.some((t) => t.startsWith(word))).map((f) => f.weight));
      if (best === 0) return 0;
      total += best;
    }
    return total;
  };
  for (const threat of catalog.threats.values()) {
    const value = score(
      threat.title,
      [threat.id, ...referenceLabels(threat.references), ...threat.stride.map(strideWord)].join(' '),
      [
        threat.threatSource,
        threat.prerequisites,
        threat.threatAction,
        threat.threatImpact,
        ...threat.impactedAssets,
      ].join(' '),
    );
    if (value > 0) hits.push({ kind: 'threat', entry: threat, score: value });
  }
  for (const control of catalog.controls.values()) {
    const value = score(
      control.title,
      [control.id, ...referenceLabels(control.references)].join(' '),
      control.description,
    );
    if (value > 0) hits.push({ kind: 'control', entry: control, score: value });
  }
  const kindOrder = { threat: 0, control: 1 };
  hits.sort(
    (a, b) => b.score - a.score || kindOrder[a.kind] - kindOrder[b.kind] || a.entry.id.localeCompare(b.entry.id),
  );
  return hits.slice(0, limit);
}

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9:]+/)
    .filter((t) => t.length > 0);
}

function strideWord(letter: Stride): string {
  return { S: 'spoofing', T: 'tampering', R: 'repudiation', I: 'disclosure', D: 'denial', E: 'elevation' }[letter];
}

export interface CatalogStats {
  threats: number;
  controls: number;
  componentTypes: number;
  threatsWithoutControls: number;
  controlsWithoutThreats: number;
  threatsPerStride: Record<Stride, number>;
}

export function catalogStats(catalog: Catalog): CatalogStats {
  const threats = [...catalog.threats.values()];
  const perStride: Record<Stride, number> = { S: 0, T: 0, R: 0, I: 0, D: 0, E: 0 };
  for (const threat of threats) for (const letter of threat.stride) perStride[letter] += 1;
  return {
    threats: threats.length,
    controls: catalog.controls.size,
    componentTypes: catalog.componentTypes.size,
    threatsWithoutControls: threats.filter((t) => (catalog.controlsByThreat.get(t.id) ?? []).length === 0).length,
    controlsWithoutThreats: [...catalog.controls.keys()].filter(
      (id) => (catalog.threatsByControl.get(id) ?? []).length === 0,
    ).length,
    threatsPerStride: perStride,
  };
}
