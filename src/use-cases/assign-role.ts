import type { ThreatModel } from '../domain/model';
import { type Role, assignRole as withRoleHolders } from '../domain/roles';
import type { ReopenedSteps } from '../domain/stale-steps';
import type { ModelRef } from '../ports/model-store';
import { type EditDeps, editModel } from './edit-model';
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
  deps: EditDeps & Pick<UseCaseDeps, 'cards'>,
  { ref, by, role, userIds }: AssignRoleInput,
): Promise<UseCaseOutcome<{ model: ThreatModel; added: string[]; reopened: ReopenedSteps | undefined }>> {
  const assigned = await editModel(deps, {
    ref,
    by,
    action: `roles.${role}`,
    change: (current) => {
      const next = withRoleHolders(current.roles, role, userIds);
      return { ok: true as const, model: { ...current, roles: next.roles }, added: next.added };
    },
    refused: () => `The ${role} role was not changed.`,
    contributors: (outcome) => outcome.added,
  });
  if (!assigned.ok) return assigned;
  deps.cards.refresh(ref);
  return { ok: true, model: assigned.model, added: assigned.outcome.added, reopened: assigned.reopened };
}
