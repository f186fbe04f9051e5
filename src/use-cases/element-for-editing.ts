import { inheritedOrigin } from '../domain/dependency-import';
import { inheritedLabel } from '../domain/inheritance';
import type { ThreatModel } from '../domain/model';
import { type AccessDeps, editableModel } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';

export interface ElementForEditingInput {
  workspaceId: string;
  modelId: string;
  userId: string;
  /** The element to be edited or removed, e.g. `C-2`, `T-3`, `M-1`. */
  elementId: string;
}

/**
 * May this user edit or remove this element now? The model must be editable by them (see
 * editableModel), and the element their team's own: an inherited one is read-only here, changed
 * in the model it comes from and reused again.
 */
export async function elementForEditing(
  deps: AccessDeps,
  { workspaceId, modelId, userId, elementId }: ElementForEditingInput,
): Promise<UseCaseOutcome<{ model: ThreatModel }>> {
  const access = await editableModel(deps, workspaceId, modelId, userId);
  if (!access.ok) return access;
  const inherited = inheritedOrigin(access.model, elementId);
  if (inherited) {
    return refuse(
      `${elementId} is ${inheritedLabel(inherited)} and is read-only here: change it in ${inherited.modelId}, then reuse it again.`,
    );
  }
  return access;
}
