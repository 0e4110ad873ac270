import { definePermissions } from '../core/policy.ts';

export const lifelinePermissions = definePermissions({
  'lifeline.now': {
    roles: ['young_person', 'counsellor', 'volunteer_mentor', 'association_contact', 'company_contact', 'admin'],
    description: 'See whom to call right now (the person on call, or the after-hours numbers and 112)',
  },
  'lifeline.rota.read': { roles: ['counsellor', 'admin'], description: 'See the on-call rota and its gaps' },
  'lifeline.rota.write': { roles: ['counsellor', 'admin'], description: 'Fill the on-call rota and set the after-hours numbers' },
});
