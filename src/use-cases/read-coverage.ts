import { type Coverage, strideCoverage } from '../domain/coverage';
import type { ThreatModel } from '../domain/model';
import { unaddressedThreats } from '../domain/risk';
import type { Threat } from '../domain/threat';
import type { ModelRef } from '../ports/model-store';
import { type AccessDeps, readableModel } from './model-access';
import type { UseCaseOutcome } from './outcome';

interface ReadInput {
  ref: ModelRef;
  /** The Slack user who asks. */
  by: string;
}

/** "Coverage": which STRIDE categories of which elements still have no threat. */
export async function readCoverage(
  deps: AccessDeps,
  { ref, by }: ReadInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; coverage: Coverage }>> {
  const read = await readableModel(deps, ref.workspaceId, ref.modelId, by);
  return read.ok ? { ...read, coverage: strideCoverage(read.model) } : read;
}

/** "Not yet addressed": the threats with neither an active mitigation nor a risk decision. */
export async function readUnaddressed(
  deps: AccessDeps,
  { ref, by }: ReadInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; threats: Threat[] }>> {
  const read = await readableModel(deps, ref.workspaceId, ref.modelId, by);
  return read.ok ? { ...read, threats: unaddressedThreats(read.model.threats, read.model.mitigations) } : read;
}
