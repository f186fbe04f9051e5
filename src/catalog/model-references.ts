import type { ThreatModel } from '../domain/model';
import type { Catalog } from './catalog';
import type { References } from './catalog-schema';
import { referenceLabels } from './reference-labels';

/** Public ids (CWE, CAPEC, OWASP Top 10, ASVS, AWS FSBP) by model element id: `T-1`, `M-2`. */
export type ModelReferences = ReadonlyMap<string, References>;

/**
 * The references a model's threats and mitigations carry from the catalog: a threat's from the
 * catalog threat it came from (its origin), a mitigation's from the baseline control it implements.
 * Entries since removed from the catalog, and entries citing no public id, have none.
 */
export function catalogReferences(catalog: Catalog, model: ThreatModel): ModelReferences {
  const found = new Map<string, References>();
  const keep = (elementId: string, references: References | undefined) => {
    if (references && referenceLabels(references).length > 0) found.set(elementId, references);
  };
  for (const threat of model.threats) {
    if (threat.origin.type === 'catalog')
      keep(threat.id, catalog.threats.get(threat.origin.catalogThreatId)?.references);
  }
  for (const mitigation of model.mitigations) {
    if (mitigation.baselineControlId)
      keep(mitigation.id, catalog.controls.get(mitigation.baselineControlId)?.references);
  }
  return found;
}
