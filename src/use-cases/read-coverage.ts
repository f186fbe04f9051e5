import { type Coverage, strideCoverage } from '../domain/coverage';
import type { ThreatModel } from '../domain/model';
import { unaddressedThreats } from '../domain/risk';
import type { Threat } from '../domain/threat';
import type { ModelRef } from '../ports/model-store';
import type { AccessDeps } from './model-access';
import type { Refused } from './outcome';

/** Why a read was refused: the model is gone, or the user is not in its channel. */
export type ReadRefused = Refused & { reason: 'no_model' | 'not_member' };
export type ReadOutcome<T extends object> = ({ ok: true; model: ThreatModel } & T) | ReadRefused;

interface ReadInput {
  ref: ModelRef;
  /** The Slack user who asks. */
  by: string;
}

/** A model its channel's members may read, whatever its status (approved models can still be looked at). */
async function readableModel(deps: AccessDeps, { ref, by }: ReadInput): Promise<ReadOutcome<object>> {
  const model = await deps.store.get(ref);
  if (!model) return { ok: false, reason: 'no_model', message: `There is no threat model ${ref.modelId}.` };
  if (!(await deps.members.isMember(model.channelId, by))) {
    return { ok: false, reason: 'not_member', message: `Only members of <#${model.channelId}> can see ${model.id}.` };
  }
  return { ok: true, model };
}

/** "Coverage": which STRIDE categories of which elements still have no threat. */
export async function readCoverage(deps: AccessDeps, input: ReadInput): Promise<ReadOutcome<{ coverage: Coverage }>> {
  const read = await readableModel(deps, input);
  return read.ok ? { ...read, coverage: strideCoverage(read.model) } : read;
}

/** "Not yet addressed": the threats with neither an active mitigation nor a risk decision. */
export async function readUnaddressed(deps: AccessDeps, input: ReadInput): Promise<ReadOutcome<{ threats: Threat[] }>> {
  const read = await readableModel(deps, input);
  return read.ok ? { ...read, threats: unaddressedThreats(read.model.threats, read.model.mitigations) } : read;
}
