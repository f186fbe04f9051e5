import { z } from 'zod';
import { LIMITS } from './limits';
import { SlackUserIdSchema } from './primitives';

/** The five perspectives of a threat-modeling team; one person may hold several. */
export const ROLES = ['business', 'developer', 'adversary', 'defender', 'appsec_sme'] as const;
export const RoleSchema = z.enum(ROLES).describe('A threat-modeling role');
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_NAMES: Readonly<Record<Role, string>> = {
  business: 'Business',
  developer: 'Developer',
  adversary: 'Adversary',
  defender: 'Defender',
  appsec_sme: 'AppSec SME',
};

const holders = z.array(SlackUserIdSchema).max(LIMITS.roleHoldersMax).default([]);

/** Who holds each role in one model. */
export const RoleAssignmentsSchema = z
  .strictObject({
    business: holders,
    developer: holders,
    adversary: holders,
    defender: holders,
    appsec_sme: holders,
  })
  .superRefine((roles, ctx) => {
    for (const role of ROLES) {
      if (new Set(roles[role]).size !== roles[role].length) {
        ctx.addIssue({ code: 'custom', path: [role], message: 'lists the same user twice' });
      }
    }
  })
  .describe('The users holding each role');
export type RoleAssignments = z.infer<typeof RoleAssignmentsSchema>;

export function emptyRoles(): RoleAssignments {
  return { business: [], developer: [], adversary: [], defender: [], appsec_sme: [] };
}

/** Every role a user holds in a model, in the canonical order. */
export function rolesOf(roles: RoleAssignments, userId: string): Role[] {
  return ROLES.filter((role) => roles[role].includes(userId));
}

/** Roles nobody holds yet. */
export function unassignedRoles(roles: RoleAssignments): Role[] {
  return ROLES.filter((role) => roles[role].length === 0);
}

/**
 * Set who holds a role. Returns the next roles and the users newly given the role, whom the
 * thread greets with the role's brief.
 */
export function assignRole(
  roles: RoleAssignments,
  role: Role,
  userIds: readonly string[],
): { roles: RoleAssignments; added: string[] } {
  const unique = [...new Set(userIds)];
  const added = unique.filter((user) => !roles[role].includes(user));
  return { roles: { ...roles, [role]: unique }, added };
}
