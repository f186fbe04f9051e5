import { allocateElementId } from './element-ids';
import type { Mitigation } from './mitigation';
import type { ThreatModel } from './model';
import type { ActorRef } from './primitives';

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
