import type { Control } from '../catalog/catalog-schema';
import { adoptBaselineControl as adopt } from '../domain/mitigation-edits';
import type { ThreatModel } from '../domain/model';
import type { ReopenedSteps } from '../domain/stale-steps';
import type { Threat } from '../domain/threat';
import type { ModelRef } from '../ports/model-store';
import { type EditDeps, editModel } from './edit-model';
import { editableThreat } from './editable-element';
import { baselineControlsOf } from './open-baseline-controls';
import { refuse, type UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export type AdoptBaselineControlDeps = EditDeps & Pick<UseCaseDeps, 'catalog' | 'cards'>;

export interface AdoptBaselineControlInput {
  ref: ModelRef;
  /** The Slack user who adopts the control. */
  by: string;
  threatId: string;
  /** A control the catalog proposes for the threat, e.g. `ctl-parameterized-queries`. */
  controlId: string;
}

export interface AdoptedControl {
  model: ThreatModel;
  /** The threat as it is now, with the controls proposed for it. */
  threat: Threat;
  controls: Control[];
  control: Control;
  mitigationId: string;
  /** True when an existing mitigation implementing the control now addresses the threat too. */
  linked: boolean;
  reopened: ReopenedSteps | undefined;
}

/**
 * "Add as mitigation" on a baseline control of a catalog threat: link the threat to the
 * mitigation already implementing the control, or add a proposed one; the cards follow.
 */
export async function adoptBaselineControl(
  deps: AdoptBaselineControlDeps,
  { ref, by, threatId, controlId }: AdoptBaselineControlInput,
): Promise<UseCaseOutcome<AdoptedControl>> {
  const found = await editableThreat(deps, { ref, by, id: threatId, own: false });
  if (!found.ok) return found;
  if (found.threat.origin.type !== 'catalog') return refuse(`${threatId} does not come from the catalog.`);
  const controls = baselineControlsOf(deps.catalog, found.threat);
  const control = controls.find((c) => c.id === controlId);
  if (!control) return refuse(`${controlId} is not a baseline control of ${threatId}.`);
  const now = deps.clock();
  const adopted = await editModel(deps, {
    ref,
    by,
    action: 'mitigation.adopt_baseline',
    change: (current) => ({ ok: true as const, ...adopt(current, threatId, control, by, now) }),
    refused: () => `${threatId} no longer exists.`,
  });
  if (!adopted.ok) return adopted;
  deps.cards.refresh(ref);
  const { model, outcome, reopened } = adopted;
  const threat = model.threats.find((t) => t.id === threatId) ?? found.threat;
  return {
    ok: true,
    model,
    threat,
    controls,
    control,
    mitigationId: outcome.mitigationId,
    linked: outcome.linked,
    reopened,
  };
}
