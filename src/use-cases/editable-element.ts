import { inheritedOrigin } from '../domain/dependency-import';
import { inheritedLabel } from '../domain/inheritance';
import type { Mitigation } from '../domain/mitigation';
import type { ThreatModel } from '../domain/model';
import type { Threat } from '../domain/threat';
import type { ModelRef } from '../ports/model-store';
import { type AccessDeps, editableModel } from './model-access';
import { refuse, type UseCaseOutcome } from './outcome';

export interface ElementRequest {
  ref: ModelRef;
  /** The Slack user who asks. */
  by: string;
  /** The threat or mitigation, e.g. `T-3`. */
  id: string;
  /** True to refuse inherited elements: editing or removing them belongs to the model they come from. */
  own: boolean;
}

/**
 * A threat of a model the user may change now: the model is editable by them, the threat still
 * exists, and (when `own`) it is the team's own rather than inherited from a reused model.
 */
export async function editableThreat(
  deps: AccessDeps,
  request: ElementRequest,
): Promise<UseCaseOutcome<{ model: ThreatModel; threat: Threat }>> {
  const found = await editableElement(deps, request, (model) => model.threats);
  return found.ok ? { ok: true, model: found.model, threat: found.element } : found;
}

/** The same for a mitigation. */
export async function editableMitigation(
  deps: AccessDeps,
  request: ElementRequest,
): Promise<UseCaseOutcome<{ model: ThreatModel; mitigation: Mitigation }>> {
  const found = await editableElement(deps, request, (model) => model.mitigations);
  return found.ok ? { ok: true, model: found.model, mitigation: found.element } : found;
}

async function editableElement<E extends { id: string }>(
  deps: AccessDeps,
  { ref, by, id, own }: ElementRequest,
  elements: (model: ThreatModel) => readonly E[],
): Promise<UseCaseOutcome<{ model: ThreatModel; element: E }>> {
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  if (!access.ok) return access;
  const inherited = own ? inheritedOrigin(access.model, id) : undefined;
  if (inherited) {
    return refuse(
      `${id} is ${inheritedLabel(inherited)} and is read-only here: change it in ${inherited.modelId}, then reuse it again.`,
    );
  }
  const element = elements(access.model).find((e) => e.id === id);
  if (!element) return refuse(`${id} no longer exists in ${access.model.id}.`);
  return { ok: true, model: access.model, element };
}
