import type { ThreatModel } from './model';
import type { RiskAssessment, RiskRating } from './risk-assessment';
import type { Scope } from './scope';
import { STEP_NAMES, STEPS, type Step } from './steps';

/**
 * What changed between two versions of a model, element by element and field by field: scope
 * elements, threats, mitigations and risk ratings added, removed or changed. Pure; the views, the
 * review card and the report render it. Values are plain text as stored (the renderers escape).
 */

export type DiffSection = 'scope' | 'threats' | 'mitigations' | 'risk';
export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FieldChange {
  /** In words, e.g. "description", "residual risk". */
  field: string;
  /** Absent when the field was not set before. */
  before?: string;
  /** Absent when the field is not set any more. */
  after?: string;
}

export interface ElementChange {
  section: DiffSection;
  kind: ChangeKind;
  /** In words, e.g. "component", "threat", "risk of". */
  what: string;
  /** The element's id (e.g. C-2, T-5), or "scope" for the scope's description. */
  id: string;
  /** Its name or text as of the newer version (the older one when removed). */
  label: string;
  /** For a changed element: each field that differs. */
  fields: FieldChange[];
}

export interface ModelDiff {
  /** The version numbers compared (v1 → v2). */
  from: number;
  to: number;
  changes: ElementChange[];
}

type Element = { id: string } & Record<string, unknown>;

/** Bookkeeping fields: who typed it and when says nothing about the design. */
const NOT_CONTENT = new Set(['id', 'createdBy', 'createdAt', 'risk', 'inherited']);

const SCOPE_LISTS: ReadonlyArray<{ key: Exclude<keyof Scope, 'description'>; what: string }> = [
  { key: 'assets', what: 'asset' },
  { key: 'actors', what: 'actor' },
  { key: 'entryPoints', what: 'entry point' },
  { key: 'components', what: 'component' },
  { key: 'dataFlows', what: 'data flow' },
  { key: 'trustBoundaries', what: 'trust boundary' },
  { key: 'useCases', what: 'use case' },
  { key: 'designLinks', what: 'design link' },
  { key: 'assumptions', what: 'assumption' },
];

const FIELD_WORDS: Readonly<Record<string, string>> = {
  threatSource: 'threat source',
  threatAction: 'threat action',
  threatImpact: 'threat impact',
  impactedGoals: 'impacted goals',
  impactedAssetIds: 'impacted assets',
  affectedElementIds: 'affected elements',
  threatIds: 'threats addressed',
  baselineControlId: 'baseline control',
  backlogLink: 'backlog link',
  componentId: 'component',
  trustBoundaryId: 'trust boundary',
  trustLevel: 'trust level',
  authenticationNotes: 'authentication notes',
  assetIds: 'assets',
  actorIds: 'actors',
  crossesTrustBoundary: 'crosses a trust boundary',
  outOfScopeReason: 'out of scope because',
  mitigationIds: 'mitigations',
};

/** Everything that differs from `before` (the last approved version) to `after`. */
export function diffModels(before: ThreatModel, after: ThreatModel, versions: { from: number; to: number }): ModelDiff {
  const changes: ElementChange[] = [];
  if (before.title !== after.title) {
    changes.push({
      section: 'scope',
      kind: 'changed',
      what: 'model',
      id: after.id,
      label: 'the feature modelled',
      fields: [fieldChange('title', before.title, after.title)],
    });
  }
  if ((before.scope.description ?? '') !== (after.scope.description ?? '')) {
    changes.push({
      section: 'scope',
      kind: 'changed',
      what: 'scope',
      id: 'scope',
      label: 'what the feature does',
      fields: [fieldChange('description', before.scope.description, after.scope.description)],
    });
  }
  for (const { key, what } of SCOPE_LISTS) {
    changes.push(...diffList('scope', what, before.scope[key] as Element[], after.scope[key] as Element[]));
  }
  changes.push(...diffList('threats', 'threat', before.threats as Element[], after.threats as Element[]));
  changes.push(
    ...diffList('mitigations', 'mitigation', before.mitigations as Element[], after.mitigations as Element[]),
  );
  changes.push(...diffRisks(before, after));
  return { ...versions, changes };
}

/** The steps whose content a diff touches, in order (their completion is what re-review looks at). */
export function touchedSteps(diff: ModelDiff): Step[] {
  const sections = new Set<string>(diff.changes.map((change) => change.section));
  return STEPS.filter((step) => sections.has(step));
}

/** One line per kind of change: "2 added, 1 removed, 3 changed". */
export function diffCounts(diff: ModelDiff): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { added: 0, removed: 0, changed: 0 };
  for (const change of diff.changes) counts[change.kind]++;
  return counts;
}

/** "3 changes since v1: 2 added, 0 removed, 1 changed; steps touched: threats, risk review." (plain text) */
export function changesSummary(diff: ModelDiff): string {
  if (diff.changes.length === 0) return `No changes since v${diff.from}.`;
  const counts = diffCounts(diff);
  const steps = touchedSteps(diff).map((step) => STEP_NAMES[step]);
  return (
    `${diff.changes.length} change${diff.changes.length === 1 ? '' : 's'} since v${diff.from}: ` +
    `${counts.added} added, ${counts.removed} removed, ${counts.changed} changed; steps touched: ${steps.join(', ')}.`
  );
}

function diffList(section: DiffSection, what: string, before: Element[], after: Element[]): ElementChange[] {
  const old = new Map(before.map((element) => [element.id, element]));
  const now = new Set(after.map((element) => element.id));
  const changes: ElementChange[] = [];
  for (const element of after) {
    const previous = old.get(element.id);
    if (!previous) {
      changes.push({ section, kind: 'added', what, id: element.id, label: labelOf(element), fields: [] });
      continue;
    }
    const fields = diffFields(previous, element);
    if (fields.length > 0)
      changes.push({ section, kind: 'changed', what, id: element.id, label: labelOf(element), fields });
  }
  for (const element of before) {
    if (!now.has(element.id)) {
      changes.push({ section, kind: 'removed', what, id: element.id, label: labelOf(element), fields: [] });
    }
  }
  return changes;
}

function diffFields(before: Element, after: Element): FieldChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !NOT_CONTENT.has(key));
  return keys
    .filter((key) => !sameValue(normalised(before[key]), normalised(after[key])))
    .map((key) => fieldChange(FIELD_WORDS[key] ?? key, before[key], after[key]));
}

/** Risk ratings and decisions of threats in both versions (a new threat's rating comes with it). */
function diffRisks(before: ThreatModel, after: ThreatModel): ElementChange[] {
  const old = new Map(before.threats.map((threat) => [threat.id, threat.risk]));
  return after.threats.flatMap((threat): ElementChange[] => {
    const previous = old.get(threat.id);
    if (!previous) return [];
    const fields = riskFields(previous, threat.risk);
    if (fields.length === 0) return [];
    return [{ section: 'risk', kind: 'changed', what: 'risk of', id: threat.id, label: threat.threatAction, fields }];
  });
}

function riskFields(before: RiskAssessment, after: RiskAssessment): FieldChange[] {
  const pairs: Array<[string, string | undefined, string | undefined]> = [
    ['inherent risk', rating(before.before), rating(after.before)],
    ['residual risk', rating(before.after), rating(after.after)],
    ['decision', before.decision?.type, after.decision?.type],
    ['decision reason', before.decision?.reason, after.decision?.reason],
    ['acceptance', acceptance(before), acceptance(after)],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([field, a, b]) => fieldChange(field, a, b));
}

function rating(value: RiskRating | undefined): string | undefined {
  return value ? `likelihood ${value.likelihood} × impact ${value.impact}` : undefined;
}

function acceptance(risk: RiskAssessment): string | undefined {
  const state = risk.decision?.acceptance;
  if (!state) return undefined;
  return state.status === 'pending' ? `waiting for ${state.awaiting}` : 'accepted';
}

function fieldChange(field: string, before: unknown, after: unknown): FieldChange {
  const a = shown(before);
  const b = shown(after);
  return { field, ...(a !== undefined && { before: a }), ...(b !== undefined && { after: b }) };
}

/** JSON data compared by value (key order aside; models come from JSON and other realms' structured clones). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => sameValue(left[key], right[key]));
}

/** An empty list and an absent one say the same. */
function normalised(value: unknown): unknown {
  return Array.isArray(value) && value.length === 0 ? undefined : value;
}

function shown(value: unknown): string | undefined {
  const plain = normalised(value);
  if (plain === undefined || plain === null || plain === '') return undefined;
  if (typeof plain === 'string') return plain;
  if (typeof plain === 'boolean') return plain ? 'yes' : 'no';
  if (typeof plain === 'number') return String(plain);
  if (Array.isArray(plain) && plain.every((item) => typeof item === 'string')) return plain.join(', ');
  return JSON.stringify(plain);
}

function labelOf(element: Element): string {
  for (const key of ['name', 'title', 'threatAction', 'description', 'data']) {
    const value = element[key];
    if (typeof value === 'string' && value) return value;
  }
  return element.id;
}
