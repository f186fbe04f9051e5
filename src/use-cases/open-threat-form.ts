import type { ThreatModel } from '../domain/model';
import type { Threat } from '../domain/threat';
import type { ModelRef } from '../ports/model-store';
import { editableThreat } from './editable-element';
import { type AccessDeps, modelReadyForThreats } from './model-access';
import type { UseCaseOutcome } from './outcome';

export interface OpenThreatFormInput {
  ref: ModelRef;
  /** The Slack user who opens the form. */
  by: string;
  /** The threat to edit; absent to write a new one. */
  threatId?: string | undefined;
}

/**
 * May the user open the threat form now? A new threat needs the scope finished (threats are
 * placed on its elements); an edit needs the threat to exist and be the team's own (inherited
 * ones change in the model they come from). Returns what the form shows.
 */
export async function openThreatForm(
  deps: AccessDeps,
  { ref, by, threatId }: OpenThreatFormInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; threat?: Threat }>> {
  if (threatId === undefined) return modelReadyForThreats(deps, ref.workspaceId, ref.modelId, by);
  return editableThreat(deps, { ref, by, id: threatId, own: true });
}
