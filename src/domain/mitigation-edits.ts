import { allocateElementId } from './element-ids';
import type { Mitigation } from './mitigation';
import type { ThreatModel } from './model';
import type { ActorRef } from './primitives';
import { unlinkFromAssumptions } from './scope-edits';

/** What a person writes about a mitigation; id, author and time are the model's business. */
export type MitigationInput = Omit<Mitigation, 'id' | 'createdBy' | 'createdAt'>;

/** Add a mitigation with the next M- id, recording who wrote it and when. */
export function addMitigation(
  model: ThreatModel,
  input: MitigationInput,
  by: ActorRef,
  now: Date,
): { model: ThreatModel; id: string } {
  const { id, counters } = allocateElementId(model.counters, 'mitigation');
  const mitigation: Mitigation = { ...input, id, createdBy: by, createdAt: now.toISOString() };
  return { model: { ...model, mitigations: [...model.mitigations, mitigation], counters }, id };
}

/**
 * Adopt a baseline control for a threat: link the threat to the mitigation already implementing
 * that control, or add a proposed mitigation for it.
 */
export function adoptBaselineControl(
  model: ThreatModel,
  threatId: string,
  control: { id: string; title: string; description: string },
  by: ActorRef,
  now: Date,
): { model: ThreatModel; mitigationId: string; linked: boolean } {
  const existing = model.mitigations.find((m) => m.baselineControlId === control.id && m.status !== 'not_applicable');
  if (existing) {
    const threatIds = existing.threatIds.includes(threatId) ? existing.threatIds : [...existing.threatIds, threatId];
    const mitigations = model.mitigations.map((m) => (m.id === existing.id ? { ...m, threatIds } : m));
    return { model: { ...model, mitigations }, mitigationId: existing.id, linked: true };
  }
  const description = `${control.title}: ${control.description}`.slice(0, 1000);
  const added = addMitigation(
    model,
    { description, threatIds: [threatId], status: 'proposed', references: [], baselineControlId: control.id },
    by,
    now,
  );
  return { model: added.model, mitigationId: added.id, linked: false };
}

/** Rewrite a mitigation, keeping its id, author and time. Undefined when there is no such mitigation. */
export function updateMitigation(model: ThreatModel, id: string, input: MitigationInput): ThreatModel | undefined {
  if (!model.mitigations.some((m) => m.id === id && m.inherited === undefined)) return undefined;
  return {
    ...model,
    mitigations: model.mitigations.map((m) =>
      m.id === id ? { id, createdBy: m.createdBy, createdAt: m.createdAt, ...input } : m,
    ),
  };
}

/** Remove a mitigation; its threats may then need another one or a risk decision. */
export function removeMitigation(model: ThreatModel, id: string): ThreatModel | undefined {
  if (!model.mitigations.some((m) => m.id === id && m.inherited === undefined)) return undefined;
  return unlinkFromAssumptions({ ...model, mitigations: model.mitigations.filter((m) => m.id !== id) }, id);
}
