import { allocateElementId } from './element-ids';
import type { ThreatModel } from './model';
import type { ActorRef } from './primitives';
import { unlinkFromAssumptions } from './scope-edits';
import type { Threat, ThreatOrigin } from './threat';

/** What a person writes about a threat; id, author, time and risk are the model's business. */
export type ThreatInput = Pick<
  Threat,
  | 'threatSource'
  | 'prerequisites'
  | 'threatAction'
  | 'threatImpact'
  | 'impactedGoals'
  | 'impactedAssetIds'
  | 'stride'
  | 'affectedElementIds'
>;

/** Add a threat with the next T- id, recording who wrote it, when, and where it came from. */
export function addThreat(
  model: ThreatModel,
  input: ThreatInput,
  by: ActorRef,
  now: Date,
  origin: ThreatOrigin = { type: 'manual' },
): { model: ThreatModel; id: string } {
  const { id, counters } = allocateElementId(model.counters, 'threat');
  const threat: Threat = { ...input, id, origin, risk: {}, createdBy: by, createdAt: now.toISOString() };
  return { model: { ...model, threats: [...model.threats, threat], counters }, id };
}

/** Rewrite a threat's statement and placement, keeping its id, origin, author and risk review. */
export function updateThreat(model: ThreatModel, id: string, input: ThreatInput): ThreatModel | undefined {
  if (!ownThreat(model, id)) return undefined;
  return { ...model, threats: model.threats.map((threat) => (threat.id === id ? { ...threat, ...input } : threat)) };
}

export type RemoveThreatOutcome =
  | { ok: true; model: ThreatModel }
  | { ok: false; reason: 'not_found' | 'in_use' | 'inherited'; usedBy: string[] };

/** A threat of the team's own (inherited ones are read-only: they change in the model they come from). */
function ownThreat(model: ThreatModel, id: string): boolean {
  return model.threats.some((threat) => threat.id === id && threat.inherited === undefined);
}

/** Remove a threat unless a mitigation still addresses it. */
export function removeThreat(model: ThreatModel, id: string): RemoveThreatOutcome {
  if (!model.threats.some((threat) => threat.id === id)) return { ok: false, reason: 'not_found', usedBy: [] };
  if (!ownThreat(model, id)) return { ok: false, reason: 'inherited', usedBy: [] };
  const usedBy = model.mitigations.filter((m) => m.threatIds.includes(id)).map((m) => m.id);
  if (usedBy.length > 0) return { ok: false, reason: 'in_use', usedBy };
  const remaining = { ...model, threats: model.threats.filter((threat) => threat.id !== id) };
  return { ok: true, model: unlinkFromAssumptions(remaining, id) };
}

/** Record the risk review of one threat (ratings and decision). Undefined when there is no such threat. */
export function assessThreat(model: ThreatModel, id: string, risk: Threat['risk']): ThreatModel | undefined {
  if (!ownThreat(model, id)) return undefined;
  return { ...model, threats: model.threats.map((threat) => (threat.id === id ? { ...threat, risk } : threat)) };
}
