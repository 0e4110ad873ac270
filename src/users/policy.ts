import { definePermissions, type Actor } from '../core/policy.ts';

interface MembershipRef {
  partnership_id: string;
  role: string;
}

/**
 * Only the partnership's administrators manage its logins. Young people's
 * logins are the caseload's business (src/youth/) and are not listed or
 * changed here: such a user is outside this feature's reach (404).
 */
export const userPermissions = definePermissions({
  'users.list': { roles: ['admin'], description: 'See the partnership\'s users (staff, contacts, mentors)' },
  'users.create': { roles: ['admin'], description: 'Create a staff user and e-mail them an invitation' },
  'users.update': {
    roles: ['admin'],
    description: 'Change a user\'s role, deactivate or reactivate them',
    relation: (actor: Actor, m: MembershipRef) => m.partnership_id === actor.partnershipId && m.role !== 'young_person',
  },
});
