import { EDITABLE_STATUSES, type ThreatModel } from '../domain/model';
import { statusLabel } from '../domain/status-labels';
import type { UseCaseDeps } from './use-case-deps';

/** What an access check needs. */
export type AccessDeps = Pick<UseCaseDeps, 'store' | 'members'>;

export type Access = { ok: true; model: ThreatModel } | { ok: false; message: string };

/**
 * May this user change this model now? It must exist, be editable (approved and archived models
 * are read-only; one in review waits for the reviewer), and the user must be a member of the
 * model's channel. Checked on every action and every submission, against the current model.
 */
export async function editableModel(
  deps: AccessDeps,
  workspaceId: string,
  modelId: string,
  userId: string,
): Promise<Access> {
  const model = await deps.store.get({ workspaceId, modelId });
  if (!model) return { ok: false, message: `There is no threat model ${modelId} in this workspace.` };
  if (!EDITABLE_STATUSES.includes(model.status)) {
    return {
      ok: false,
      message: `${model.id} is ${statusLabel(model.status).toLowerCase()} and cannot be changed now.`,
    };
  }
  if (!(await deps.members.isMember(model.channelId, userId))) {
    return { ok: false, message: `Only members of <#${model.channelId}> can change ${model.id}.` };
  }
  return { ok: true, model };
}

/** Like editableModel, and the scope (step 1) must be finished: threats are placed on its elements. */
export async function modelReadyForThreats(
  deps: AccessDeps,
  workspaceId: string,
  modelId: string,
  userId: string,
): Promise<Access> {
  const access = await editableModel(deps, workspaceId, modelId, userId);
  if (access.ok && !access.model.completedSteps.scope) {
    return {
      ok: false,
      message: `Finish step 1 (scope) of ${access.model.id} first: threats are placed on its elements.`,
    };
  }
  return access;
}
