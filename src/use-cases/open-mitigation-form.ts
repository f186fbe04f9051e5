import type { Mitigation } from '../domain/mitigation';
import type { ThreatModel } from '../domain/model';
import type { ModelRef } from '../ports/model-store';
import { editableMitigation } from './editable-element';
import { type AccessDeps, editableModel } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';

export interface OpenMitigationFormInput {
  ref: ModelRef;
  /** The Slack user who opens the form. */
  by: string;
  /** The mitigation to edit; absent to write a new one. */
  mitigationId?: string | undefined;
}

/**
 * May the user open the mitigation form now? A mitigation addresses threats, so a new one needs
 * the model to have some; an edit needs the mitigation to exist and be the team's own.
 */
export async function openMitigationForm(
  deps: AccessDeps,
  { ref, by, mitigationId }: OpenMitigationFormInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; mitigation?: Mitigation }>> {
  if (mitigationId !== undefined) return editableMitigation(deps, { ref, by, id: mitigationId, own: true });
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  const refusal = access.ok ? mitigationFormRefusal(access.model) : undefined;
  return refusal ? refuse(refusal) : access;
}

/** Why no mitigation can be written in the model yet (undefined: one can). */
export function mitigationFormRefusal(model: ThreatModel): string | undefined {
  return model.threats.length === 0 ? `${model.id} has no threats yet: a mitigation addresses threats.` : undefined;
}
