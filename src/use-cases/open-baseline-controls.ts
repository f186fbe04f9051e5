import type { Catalog } from '../catalog/catalog';
import { controlsForThreat } from '../catalog/catalog-queries';
import type { Control } from '../catalog/catalog-schema';
import type { ThreatModel } from '../domain/model';
import type { Threat } from '../domain/threat';
import type { ModelRef } from '../ports/model-store';
import { editableThreat } from './editable-element';
import type { AccessDeps } from './model-access';
import type { UseCaseOutcome } from './outcome';

export type BaselineControlsDeps = AccessDeps & { catalog: Catalog };

/** The baseline controls of one threat: the catalog's controls for a catalog threat, none for a team's own. */
export function baselineControlsOf(catalog: Catalog, threat: Threat): Control[] {
  return threat.origin.type === 'catalog' ? controlsForThreat(catalog, threat.origin.catalogThreatId) : [];
}

/**
 * The baseline controls proposed for a threat, for a user who may change the model: adopting
 * one adds or links a mitigation. Inherited threats may show theirs too (adopting changes only
 * the team's own mitigations).
 */
export async function openBaselineControls(
  deps: BaselineControlsDeps,
  { ref, by, threatId }: { ref: ModelRef; by: string; threatId: string },
): Promise<UseCaseOutcome<{ model: ThreatModel; threat: Threat; controls: Control[] }>> {
  const found = await editableThreat(deps, { ref, by, id: threatId, own: false });
  if (!found.ok) return found;
  return {
    ok: true,
    model: found.model,
    threat: found.threat,
    controls: baselineControlsOf(deps.catalog, found.threat),
  };
}
