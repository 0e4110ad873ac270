import { definePermissions } from '../core/policy.ts';

/**
 * A partnership's administrators edit its settings and see its setup checklist.
 * Creating partnerships is for installation administrators (users.installation_admin),
 * who need no membership: those routes check the flag (installation.ts), not a role.
 */
export const partnershipPermissions = definePermissions({
  'partnership.settings': { roles: ['admin'], description: 'See and change the partnership\'s settings (name, municipalities, age band, lifeline hours, suppression threshold)' },
  'partnership.checklist': { roles: ['admin'], description: 'See the setup checklist of the partnership' },
});
