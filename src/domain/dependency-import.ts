import { allocateElementId, type ElementCounters } from './element-ids';
import type { InheritedFrom } from './inheritance';
import { LIMITS } from './limits';
import type { Mitigation } from './mitigation';
import { EDITABLE_STATUSES, type ThreatModel } from './model';
import type { Component } from './scope';
import type { Threat } from './threat';

export type InheritOutcome =
  | { ok: true; model: ThreatModel; added: { components: string[]; threats: string[]; mitigations: string[] } }
  | { ok: false; message: string };

/**
 * Import an exported model as a dependency of this one: its components, the threats placed on
 * them (a threat on an entry point sits on the component behind it) and the mitigations of those
 * threats appear here, marked inherited (read-only, with their origin), so the team models only
 * what is new. Importing a newer version again updates the inherited elements in place, keeping
 * their ids here; elements the new version no longer has stay as they were.
 */
export function inheritFrom(model: ThreatModel, dependency: ThreatModel): InheritOutcome {
  if (!EDITABLE_STATUSES.includes(model.status)) return { ok: false, message: `${model.id} cannot be changed now.` };
  if (dependency.id === model.id) return { ok: false, message: `${model.id} cannot depend on itself.` };
  const from = (elementId: string): InheritedFrom => ({
    modelId: dependency.id,
    title: dependency.title,
    version: dependency.version,
    elementId,
  });
  const existing = (list: readonly { id: string; inherited?: InheritedFrom | undefined }[], elementId: string) =>
    list.find((item) => item.inherited?.modelId === dependency.id && item.inherited.elementId === elementId)?.id;
  let counters: ElementCounters = model.counters;
  const idFor = (kind: 'component' | 'threat' | 'mitigation', known: string | undefined) => {
    if (known) return known;
    const allocated = allocateElementId(counters, kind);
    counters = allocated.counters;
    return allocated.id;
  };

  const componentIds = new Map<string, string>();
  const components: Component[] = dependency.scope.components.map((component) => {
    const id = idFor('component', existing(model.scope.components, component.id));
    componentIds.set(component.id, id);
    const { trustBoundaryId: _boundary, inherited: _theirs, ...rest } = component;
    return { ...rest, id, inherited: from(component.id) };
  });
  const behind = new Map(dependency.scope.entryPoints.map((entry) => [entry.id, entry.componentId]));
  const placed = (ids: readonly string[]) => [
    ...new Set(ids.flatMap((id) => componentIds.get(behind.get(id) ?? id) ?? [])),
  ];
  const assetByName = new Map(model.scope.assets.map((asset) => [asset.name.toLowerCase(), asset.id]));
  const theirAsset = new Map(dependency.scope.assets.map((asset) => [asset.id, asset.name.toLowerCase()]));

  const threatIds = new Map<string, string>();
  const threats: Threat[] = dependency.threats.flatMap((threat) => {
    const affected = placed(threat.affectedElementIds);
    if (affected.length === 0) return []; // about the other feature's actors or flows only
    const id = idFor('threat', existing(model.threats, threat.id));
    threatIds.set(threat.id, id);
    return [
      {
        ...threat,
        id,
        affectedElementIds: affected,
        impactedAssetIds: threat.impactedAssetIds.flatMap(
          (asset) => assetByName.get(theirAsset.get(asset) ?? '') ?? [],
        ),
        inherited: from(threat.id),
      },
    ];
  });
  const mitigations: Mitigation[] = dependency.mitigations.flatMap((mitigation) => {
    const addressed = mitigation.threatIds.flatMap((id) => threatIds.get(id) ?? []);
    if (addressed.length === 0) return [];
    const id = idFor('mitigation', existing(model.mitigations, mitigation.id));
    return [{ ...mitigation, id, threatIds: addressed, inherited: from(mitigation.id) }];
  });
  if (components.length === 0) {
    return { ok: false, message: `${dependency.id} has no components to reuse.` };
  }

  const merge = <T extends { id: string }>(mine: readonly T[], inherited: readonly T[]) => {
    const replaced = new Map(inherited.map((item) => [item.id, item]));
    const kept = mine.map((item) => replaced.get(item.id) ?? item);
    return [...kept, ...inherited.filter((item) => !mine.some((m) => m.id === item.id))];
  };
  const next: ThreatModel = {
    ...model,
    scope: { ...model.scope, components: merge(model.scope.components, components) },
    threats: merge(model.threats, threats),
    mitigations: merge(model.mitigations, mitigations),
    counters,
  };
  if (next.scope.components.length > LIMITS.elementsMax || next.threats.length > LIMITS.threatsMax) {
    return { ok: false, message: `Reusing ${dependency.id} would take ${model.id} past its limits.` };
  }
  return {
    ok: true,
    model: next,
    added: {
      components: components.map((c) => c.id),
      threats: threats.map((t) => t.id),
      mitigations: mitigations.map((m) => m.id),
    },
  };
}

/** The inherited origin of any element of the model, by id; undefined for the team's own. */
export function inheritedOrigin(model: ThreatModel, id: string): InheritedFrom | undefined {
  return (
    model.scope.components.find((c) => c.id === id)?.inherited ??
    model.threats.find((t) => t.id === id)?.inherited ??
    model.mitigations.find((m) => m.id === id)?.inherited
  );
}
