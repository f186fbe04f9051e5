import type { DataFileProblem } from '../errors';
import type { CatalogFile, CatalogThreat, ComponentType, Control } from './catalog-schema';

/** The merged catalog: every shipped and organisation file, with links resolved both ways. */
export interface Catalog {
  componentTypes: ReadonlyMap<string, ComponentType>;
  threats: ReadonlyMap<string, CatalogThreat>;
  controls: ReadonlyMap<string, Control>;
  /** Control ids per threat: the threat's `controls` plus controls declaring `mitigates`. */
  controlsByThreat: ReadonlyMap<string, readonly string[]>;
  /** Threat ids per control, the same links read the other way. */
  threatsByControl: ReadonlyMap<string, readonly string[]>;
  /** The file each id was defined in. */
  sources: ReadonlyMap<string, string>;
}

export interface CatalogSource {
  file: string;
  content: CatalogFile;
}

type Kind = 'component type' | 'threat' | 'control';

/**
 * Merge parsed catalog files into one catalog, checking what no single file can: ids unique
 * across files, and every link pointing at an existing entry of the right kind. Pure: files are
 * read by the loader.
 */
export function buildCatalog(sources: readonly CatalogSource[]): { catalog: Catalog; problems: DataFileProblem[] } {
  const problems: DataFileProblem[] = [];
  const defined = new Map<string, { kind: Kind; file: string; path: string }>();
  const componentTypes = new Map<string, ComponentType>();
  const threats = new Map<string, CatalogThreat>();
  const controls = new Map<string, Control>();

  const define = <T extends { id: string }>(kind: Kind, into: Map<string, T>, file: string, path: string, entry: T) => {
    const earlier = defined.get(entry.id);
    if (earlier) {
      problems.push({
        file,
        path,
        message: `duplicate id ${entry.id}: already defined as a ${earlier.kind} in ${earlier.file} at ${earlier.path}`,
      });
      return;
    }
    defined.set(entry.id, { kind, file, path });
    into.set(entry.id, entry);
  };
  for (const { file, content } of sources) {
    content.componentTypes?.forEach((entry, i) => {
      define('component type', componentTypes, file, `componentTypes[${i}]`, entry);
    });
    content.threats?.forEach((entry, i) => {
      define('threat', threats, file, `threats[${i}]`, entry);
    });
    content.controls?.forEach((entry, i) => {
      define('control', controls, file, `controls[${i}]`, entry);
    });
  }

  const link = (from: { file: string; path: string }, id: string, kind: Kind) => {
    const target = defined.get(id);
    if (!target) {
      problems.push({ ...from, message: `links to ${kind} ${id}, which no catalog file defines` });
      return false;
    }
    if (target.kind !== kind) {
      problems.push({
        ...from,
        message: `links to ${id} as a ${kind}, but ${target.file} defines it as a ${target.kind}`,
      });
      return false;
    }
    return true;
  };

  const controlsByThreat = new Map<string, string[]>();
  const threatsByControl = new Map<string, string[]>();
  const connect = (threatId: string, controlId: string) => {
    const controlsOf = controlsByThreat.get(threatId) ?? [];
    if (!controlsOf.includes(controlId)) controlsOf.push(controlId);
    controlsByThreat.set(threatId, controlsOf);
    const threatsOf = threatsByControl.get(controlId) ?? [];
    if (!threatsOf.includes(threatId)) threatsOf.push(threatId);
    threatsByControl.set(controlId, threatsOf);
  };

  const where = (id: string, field: string, i: number) => {
    const at = defined.get(id);
    return { file: at?.file ?? '', path: `${at?.path ?? id}.${field}[${i}]` };
  };
  for (const type of componentTypes.values()) {
    type.implements.forEach((id, i) => {
      link(where(type.id, 'implements', i), id, 'component type');
    });
  }
  for (const threat of threats.values()) {
    threat.appliesTo.forEach((id, i) => {
      link(where(threat.id, 'appliesTo', i), id, 'component type');
    });
    threat.controls.forEach((id, i) => {
      if (link(where(threat.id, 'controls', i), id, 'control')) connect(threat.id, id);
    });
  }
  for (const control of controls.values()) {
    control.appliesTo.forEach((id, i) => {
      link(where(control.id, 'appliesTo', i), id, 'component type');
    });
    control.mitigates.forEach((id, i) => {
      if (link(where(control.id, 'mitigates', i), id, 'threat')) connect(id, control.id);
    });
  }
  for (const threat of threats.values()) {
    if (!controlsByThreat.has(threat.id)) {
      const at = defined.get(threat.id);
      problems.push({
        file: at?.file ?? '',
        path: `${at?.path}.controls`,
        message: `threat ${threat.id} links no control`,
      });
    }
  }
  problems.push(...implementsCycles(componentTypes, defined));

  const sourcesById = new Map([...defined].map(([id, at]) => [id, at.file]));
  return {
    catalog: { componentTypes, threats, controls, controlsByThreat, threatsByControl, sources: sourcesById },
    problems,
  };
}

function implementsCycles(
  types: ReadonlyMap<string, ComponentType>,
  defined: ReadonlyMap<string, { file: string; path: string }>,
): DataFileProblem[] {
  const problems: DataFileProblem[] = [];
  for (const type of types.values()) {
    const seen = new Set<string>();
    const stack = [...type.implements];
    while (stack.length) {
      const id = stack.pop() as string;
      if (id === type.id) {
        const at = defined.get(type.id);
        problems.push({
          file: at?.file ?? '',
          path: `${at?.path}.implements`,
          message: `${type.id} implements itself through a cycle`,
        });
        break;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(types.get(id)?.implements ?? []));
    }
  }
  return problems;
}

/** A component type and every generic type it implements, transitively. */
export function typeLineage(catalog: Catalog, typeId: string): string[] {
  const lineage: string[] = [];
  const stack = [typeId];
  while (stack.length) {
    const id = stack.shift() as string;
    if (lineage.includes(id)) continue;
    lineage.push(id);
    stack.push(...(catalog.componentTypes.get(id)?.implements ?? []));
  }
  return lineage;
}
