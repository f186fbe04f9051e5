import { EDITABLE_STATUSES, type ThreatModel } from '../domain/model';
import { statusLabel } from '../domain/status-labels';
import type { UseCaseDeps } from './use-case-deps';

/** What an access check needs. */
export type AccessDeps = Pick<UseCaseDeps, 'store' | 'members'>;

export type Access = { ok: true; model: ThreatModel } | { ok: false; message: string };

/** What a refusal says the user cannot do, e.g. `see TM-7`: "Only members of <#C…> can see TM-7." */
export type Doing = (modelId: string) => string;

const noModel = (modelId: string): Access => ({
  ok: false,
  message: `There is no threat model ${modelId} in this workspace.`,
});

/** The model's channel is where it is worked on: only its members read or change it. */
async function channelMembersOnly(deps: AccessDeps, model: ThreatModel, userId: string, doing: Doing): Promise<Access> {
  if (await deps.members.isMember(model.channelId, userId)) return { ok: true, model };
  return { ok: false, message: `Only members of <#${model.channelId}> can ${doing(model.id)}.` };
}

/**
 * May this user read this model? It must exist and the user must be a member of its channel,
 * whatever its status (approved and archived models can still be looked at). Checked on every
 * read for a person: pages of the shared lists, coverage, prompts, what is not yet addressed.
 * A public channel's messages can be clicked by anyone in the workspace, so a button shown
 * there is no proof of membership.
 */
export async function readableModel(
  deps: AccessDeps,
  workspaceId: string,
  modelId: string,
  userId: string,
  doing: Doing = (id) => `see ${id}`,
): Promise<Access> {
  const model = await deps.store.get({ workspaceId, modelId });
  return model ? channelMembersOnly(deps, model, userId, doing) : noModel(modelId);
}

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
  if (!model) return noModel(modelId);
  if (!EDITABLE_STATUSES.includes(model.status)) {
    return {
      ok: false,
      message: `${model.id} is ${statusLabel(model.status).toLowerCase()} and cannot be changed now.`,
    };
  }
  return channelMembersOnly(deps, model, userId, (id) => `change ${id}`);
}

/** Like editableModel, and the scope (step 1) must be finished: threats are placed on its elements. */
export async function modelReadyForThreats(
  deps: AccessDeps,
  workspaceId: string,
  modelId: string,
  userId: string,
): Promise<Access> {
  const access = await editableModel(deps, workspaceId, modelId, userId);
  const refusal = access.ok ? threatFormRefusal(access.model) : undefined;
  return refusal ? { ok: false, message: refusal } : access;
}

/** Why a new threat cannot be written in the model yet (undefined: it can). */
export function threatFormRefusal(model: ThreatModel): string | undefined {
  return model.completedSteps.scope
    ? undefined
    : `Finish step 1 (scope) of ${model.id} first: threats are placed on its elements.`;
}
