import { ELEMENT_PREFIXES, type ElementCounters, type ElementKind } from './element-ids';
import type { Mitigation } from './mitigation';
import type { Scope } from './scope';
import type { Threat } from './threat';

export interface IntegrityIssue {
  path: (string | number)[];
  message: string;
}

/** The parts of a model whose cross-references must hold. */
export interface LinkedParts {
  scope: Scope;
  threats: readonly Threat[];
  mitigations: readonly Mitigation[];
  counters: ElementCounters;
}

type Listed = { id: string };

/**
 * Every cross-reference inside a model must point at something that exists, ids must be unique
 * and no id may be ahead of its counter (or a later allocation would reuse it). Returns every
 * problem found, with its path, so a refused update can say exactly what was wrong.
 */
export function modelIntegrityIssues(model: LinkedParts): IntegrityIssue[] {
  const issues: IntegrityIssue[] = [];
  const { scope } = model;
  const lists: [ElementKind, string[], readonly Listed[]][] = [
    ['asset', ['scope', 'assets'], scope.assets],
    ['actor', ['scope', 'actors'], scope.actors],
    ['entryPoint', ['scope', 'entryPoints'], scope.entryPoints],
    ['component', ['scope', 'components'], scope.components],
    ['dataFlow', ['scope', 'dataFlows'], scope.dataFlows],
    ['trustBoundary', ['scope', 'trustBoundaries'], scope.trustBoundaries],
    ['useCase', ['scope', 'useCases'], scope.useCases],
    ['designLink', ['scope', 'designLinks'], scope.designLinks],
    ['threat', ['threats'], model.threats],
    ['mitigation', ['mitigations'], model.mitigations],
    ['assumption', ['scope', 'assumptions'], scope.assumptions],
  ];
  for (const [kind, path, items] of lists) {
    checkIds(kind, path, items, model.counters, issues);
  }

  const ids = (items: readonly Listed[]) => new Set(items.map((item) => item.id));
  const assets = ids(scope.assets);
  const actors = ids(scope.actors);
  const components = ids(scope.components);
  const boundaries = ids(scope.trustBoundaries);
  const threats = ids(model.threats);
  const elements = new Set([...actors, ...components, ...ids(scope.entryPoints), ...ids(scope.dataFlows)]);

  const expect = (known: Set<string>, id: string | undefined, path: (string | number)[], what: string) => {
    if (id !== undefined && !known.has(id))
      issues.push({ path, message: `refers to ${what} ${id}, which does not exist` });
  };

  scope.entryPoints.forEach((entry, i) => {
    expect(components, entry.componentId, ['scope', 'entryPoints', i, 'componentId'], 'component');
  });
  scope.components.forEach((component, i) => {
    expect(boundaries, component.trustBoundaryId, ['scope', 'components', i, 'trustBoundaryId'], 'trust boundary');
  });
  scope.actors.forEach((actor, i) => {
    expect(boundaries, actor.trustBoundaryId, ['scope', 'actors', i, 'trustBoundaryId'], 'trust boundary');
  });
  const endpoints = new Set([...actors, ...components]);
  scope.dataFlows.forEach((flow, i) => {
    expect(endpoints, flow.from, ['scope', 'dataFlows', i, 'from'], 'actor or component');
    expect(endpoints, flow.to, ['scope', 'dataFlows', i, 'to'], 'actor or component');
    if (flow.from === flow.to) {
      issues.push({
        path: ['scope', 'dataFlows', i, 'to'],
        message: 'a data flow must connect two different elements',
      });
    }
    flow.assetIds.forEach((id, j) => {
      expect(assets, id, ['scope', 'dataFlows', i, 'assetIds', j], 'asset');
    });
  });
  scope.useCases.forEach((useCase, i) => {
    useCase.actorIds.forEach((id, j) => {
      expect(actors, id, ['scope', 'useCases', i, 'actorIds', j], 'actor');
    });
  });
  model.threats.forEach((threat, i) => {
    threat.impactedAssetIds.forEach((id, j) => {
      expect(assets, id, ['threats', i, 'impactedAssetIds', j], 'asset');
    });
    threat.affectedElementIds.forEach((id, j) => {
      expect(elements, id, ['threats', i, 'affectedElementIds', j], 'element');
    });
  });
  model.mitigations.forEach((mitigation, i) => {
    mitigation.threatIds.forEach((id, j) => {
      expect(threats, id, ['mitigations', i, 'threatIds', j], 'threat');
    });
  });
  const mitigations = ids(model.mitigations);
  scope.assumptions.forEach((assumption, i) => {
    assumption.threatIds.forEach((id, j) => {
      expect(threats, id, ['scope', 'assumptions', i, 'threatIds', j], 'threat');
    });
    assumption.mitigationIds.forEach((id, j) => {
      expect(mitigations, id, ['scope', 'assumptions', i, 'mitigationIds', j], 'mitigation');
    });
  });
  return issues;
}

function checkIds(
  kind: ElementKind,
  path: string[],
  items: readonly Listed[],
  counters: ElementCounters,
  issues: IntegrityIssue[],
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) issues.push({ path: [...path, i, 'id'], message: `duplicate id ${item.id}` });
    seen.add(item.id);
    const number = Number(item.id.slice(ELEMENT_PREFIXES[kind].length + 1));
    if (number > counters[kind]) {
      issues.push({ path: [...path, i, 'id'], message: `id ${item.id} is ahead of its counter (${counters[kind]})` });
    }
  });
}
