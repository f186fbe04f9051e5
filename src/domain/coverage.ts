import type { ThreatModel } from './model';
import { inScopeOnly } from './out-of-scope';
import { type DfdKind, STRIDE_PER_ELEMENT, type Stride, sortStride } from './stride';

export interface ElementCoverage {
  elementId: string;
  name: string;
  kind: DfdKind;
  /** Categories that apply to this kind of element (STRIDE-per-element). */
  applicable: Stride[];
  /** Applicable categories with at least one threat on the element. */
  covered: Stride[];
  /** Applicable categories with no threat yet: where the team should look next. */
  missing: Stride[];
  threatIds: string[];
}

export interface Coverage {
  elements: ElementCoverage[];
  applicablePairs: number;
  coveredPairs: number;
}

/**
 * STRIDE coverage of a model: for every actor (external entity), component (process or data
 * store) and data flow, which categories apply and which still lack a threat. A threat placed
 * on an entry point counts for the component exposing it.
 */
export function strideCoverage(model: ThreatModel): Coverage {
  // Elements marked out of scope need no threats: the team wrote down why.
  const scope = inScopeOnly(model.scope);
  const exposedBy = new Map(scope.entryPoints.map((entry) => [entry.id, entry.componentId]));
  const names = new Map<string, string>([
    ...scope.actors.map((actor) => [actor.id, actor.name] as const),
    ...scope.components.map((component) => [component.id, component.name] as const),
  ]);
  const elements: { id: string; name: string; kind: DfdKind }[] = [
    ...scope.actors.map((actor) => ({ id: actor.id, name: actor.name, kind: 'external_entity' as const })),
    ...scope.components.map((component) => ({ id: component.id, name: component.name, kind: component.kind })),
    ...scope.dataFlows.map((flow) => ({ id: flow.id, name: flowName(flow, names), kind: 'data_flow' as const })),
  ];

  const threatsOn = new Map<string, { id: string; stride: Stride[] }[]>();
  for (const threat of model.threats) {
    const targets = new Set(threat.affectedElementIds.map((id) => exposedBy.get(id) ?? id));
    for (const target of targets) {
      const list = threatsOn.get(target) ?? [];
      list.push({ id: threat.id, stride: threat.stride });
      threatsOn.set(target, list);
    }
  }

  const coverage = elements.map((element): ElementCoverage => {
    const applicable = [...STRIDE_PER_ELEMENT[element.kind]];
    const threats = threatsOn.get(element.id) ?? [];
    const present = new Set(threats.flatMap((threat) => threat.stride));
    const covered = sortStride(applicable.filter((letter) => present.has(letter)));
    return {
      elementId: element.id,
      name: element.name,
      kind: element.kind,
      applicable,
      covered,
      missing: applicable.filter((letter) => !present.has(letter)),
      threatIds: threats.map((threat) => threat.id),
    };
  });
  return {
    elements: coverage,
    applicablePairs: coverage.reduce((sum, element) => sum + element.applicable.length, 0),
    coveredPairs: coverage.reduce((sum, element) => sum + element.covered.length, 0),
  };
}

function flowName(flow: { from: string; to: string; data: string }, names: Map<string, string>): string {
  return `${flow.data} (${names.get(flow.from) ?? flow.from} → ${names.get(flow.to) ?? flow.to})`;
}
