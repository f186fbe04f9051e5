import { emptyRoles, rolesOf, unassignedRoles } from '../../../src/domain/roles';
import { ALICE, BOB } from '../../support/build-model';

describe('roles', () => {
  it('one person may hold several roles', () => {
    const roles = { ...emptyRoles(), adversary: [BOB], defender: [BOB], business: [ALICE] };
    expect(rolesOf(roles, BOB)).toEqual(['adversary', 'defender']);
    expect(unassignedRoles(roles)).toEqual(['developer', 'appsec_sme']);
  });
});
