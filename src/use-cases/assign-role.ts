import type { ThreatModel } from '../domain/model';
import { type Role, assignRole as withRoleHolders } from '../domain/roles';
import type { ModelRef } from '../ports/model-store';
import { editableModel } from './model-access';
import type { UseCaseOutcome } from './outcome';
import type { UseCaseDeps } from './use-case-deps';

export interface AssignRoleInput {
  ref: ModelRef;
  /** Who changed the role's picker. */
  by: string;
  role: Role;
  /** Everyone who holds the role now. */
  userIds: readonly string[];
}

/**
 * Set who holds a role (members of the model's channel, while it can be changed); the card
 * follows. Returns the users newly given the role, whom the thread greets with its brief.
 */
export async function assignRole(
  deps: Pick<UseCaseDeps, 'store' | 'members' | 'cards'>,
  { ref, by, role, userIds }: AssignRoleInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; added: string[] }>> {
  const access = await editableModel(deps, ref.workspaceId, ref.modelId, by);
  if (!access.ok) return access;
  const { model, outcome } = await deps.store.update(ref, { actor: by, action: `roles.${role}` }, (current) => {
    const next = withRoleHolders(current.roles, role, userIds);
    return { ok: true as const, model: { ...current, roles: next.roles }, added: next.added };
  });
  deps.cards.refresh(ref);
  return { ok: true, model, added: outcome.added };
}
