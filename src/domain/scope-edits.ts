import { allocateElementId, ELEMENT_PREFIXES } from './element-ids';
import type { ThreatModel } from './model';
import type { Scope } from './scope';

/**
 * Adding, changing and removing scope elements. Pure: each returns the next model, which the
 * store validates as a whole before writing. Removal refuses to leave dangling references and
 * says what still uses the element.
 */

export const SCOPE_KINDS = [
  'asset',
  'actor',
  'entryPoint',
  'component',
  'dataFlow',
  'trustBoundary',
  'useCase',
  'designLink',
  'assumption',
] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** Which list of the scope holds each kind. */
export const SCOPE_LISTS = {
  asset: 'assets',
  actor: 'actors',
  entryPoint: 'entryPoints',
  component: 'components',
  dataFlow: 'dataFlows',
  trustBoundary: 'trustBoundaries',
  useCase: 'useCases',
  designLink: 'designLinks',
  assumption: 'assumptions',
} as const satisfies Record<ScopeKind, keyof Scope>;

export const SCOPE_KIND_NAMES: Readonly<Record<ScopeKind, string>> = {
  asset: 'asset',
  actor: 'actor',
  entryPoint: 'entry point',
  component: 'component',
  dataFlow: 'data flow',
  trustBoundary: 'trust boundary',
  useCase: 'use case',
  designLink: 'design link',
  assumption: 'assumption',
};

type Lists = { [K in ScopeKind]: Scope[(typeof SCOPE_LISTS)[K]] };
export type ScopeElement<K extends ScopeKind> = Lists[K][number];
export type ScopeElementInput<K extends ScopeKind> = Omit<ScopeElement<K>, 'id'>;

function listOf<K extends ScopeKind>(model: ThreatModel, kind: K): ScopeElement<K>[] {
  return model.scope[SCOPE_LISTS[kind]] as ScopeElement<K>[];
}

function withList<K extends ScopeKind>(model: ThreatModel, kind: K, list: ScopeElement<K>[]): ThreatModel {
  return { ...model, scope: { ...model.scope, [SCOPE_LISTS[kind]]: list } };
}

export function findScopeElement<K extends ScopeKind>(
  model: ThreatModel,
  kind: K,
  id: string,
): ScopeElement<K> | undefined {
  return listOf(model, kind).find((element) => element.id === id);
}

/** Add an element with the next id of its kind. */
export function addScopeElement<K extends ScopeKind>(
  model: ThreatModel,
  kind: K,
  input: ScopeElementInput<K>,
): { model: ThreatModel; id: string } {
  const { id, counters } = allocateElementId(model.counters, kind);
  const element = { ...input, id } as ScopeElement<K>;
  return { model: { ...withList(model, kind, [...listOf(model, kind), element]), counters }, id };
}

/** Replace an element's fields, keeping its id and place. Undefined when there is no such element. */
export function updateScopeElement<K extends ScopeKind>(
  model: ThreatModel,
  kind: K,
  id: string,
  input: ScopeElementInput<K>,
): ThreatModel | undefined {
  const list = listOf(model, kind);
  if (!list.some((element) => element.id === id) || isInherited(model, id)) return undefined;
  return withList(
    model,
    kind,
    list.map((element) => (element.id === id ? ({ ...input, id } as ScopeElement<K>) : element)),
  );
}

/**
 * The model with a removed threat or mitigation dropped from the assumptions resting on it: an
 * assumption outlives what it was linked to, so removing a threat never has to wait for it.
 */
export function unlinkFromAssumptions(model: ThreatModel, id: string): ThreatModel {
  const assumptions = model.scope.assumptions.map((assumption) => ({
    ...assumption,
    threatIds: assumption.threatIds.filter((linked) => linked !== id),
    mitigationIds: assumption.mitigationIds.filter((linked) => linked !== id),
  }));
  return { ...model, scope: { ...model.scope, assumptions } };
}

/** Everything in the model that refers to an element, by id. */
export function usersOf(model: ThreatModel, id: string): string[] {
  const { scope } = model;
  return [
    ...scope.entryPoints.filter((e) => e.componentId === id).map((e) => e.id),
    ...scope.components.filter((c) => c.trustBoundaryId === id).map((c) => c.id),
    ...scope.actors.filter((a) => a.trustBoundaryId === id).map((a) => a.id),
    ...scope.dataFlows.filter((f) => f.from === id || f.to === id || f.assetIds.includes(id)).map((f) => f.id),
    ...scope.useCases.filter((u) => u.actorIds.includes(id)).map((u) => u.id),
    ...model.threats
      .filter((t) => t.affectedElementIds.includes(id) || t.impactedAssetIds.includes(id))
      .map((t) => t.id),
  ];
}

export type RemoveOutcome =
  | { ok: true; model: ThreatModel }
  | { ok: false; reason: 'not_found' | 'in_use' | 'inherited'; usedBy: string[] };

/** Inherited elements are read-only: they change in the model they come from. */
function isInherited(model: ThreatModel, id: string): boolean {
  return model.scope.components.some((component) => component.id === id && component.inherited !== undefined);
}

/** Remove an element, unless something still refers to it. */
export function removeScopeElement(model: ThreatModel, kind: ScopeKind, id: string): RemoveOutcome {
  if (!findScopeElement(model, kind, id)) return { ok: false, reason: 'not_found', usedBy: [] };
  if (isInherited(model, id)) return { ok: false, reason: 'inherited', usedBy: [] };
  const usedBy = usersOf(model, id);
  if (usedBy.length > 0) return { ok: false, reason: 'in_use', usedBy };
  return {
    ok: true,
    model: withList(
      model,
      kind,
      listOf(model, kind).filter((element) => element.id !== id),
    ),
  };
}

/** The kind of a scope element id, from its prefix. */
export function scopeKindOf(id: string): ScopeKind | undefined {
  const prefix = id.split('-')[0];
  return SCOPE_KINDS.find((kind) => ELEMENT_PREFIXES[kind] === prefix);
}
