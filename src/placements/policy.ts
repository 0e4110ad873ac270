import { definePermissions } from '../core/policy.ts';

const team = ['counsellor', 'admin'] as const;

export const placementPermissions = definePermissions({
  'placements.list': { roles: team, description: 'List placements in the partnership' },
  'placements.read': { roles: team, description: 'Open a placement with its attendance stability' },
  'placements.write': { roles: ['counsellor'], description: 'Place a young person, change, step up hours and end a placement' },
  'placements.ladder': { roles: [...team, 'young_person'], description: 'The young person\'s placements as a ladder (the team, or the young person themself)' },
  'tasks.read': { roles: team, description: 'See one\'s open tasks' },
  'tasks.write': { roles: team, description: 'Mark a task done' },
  'employer.read': { roles: ['company_contact'], description: 'A company contact sees their own company, its openings and placements' },
  'employer.attendance': { roles: ['company_contact'], description: 'Register attendance for the company\'s placements' },
  'employer.concern': { roles: ['company_contact'], description: 'Raise a concern or ask to be called about a placement' },
  'employer.edit': { roles: ['company_contact'], description: 'Edit the company\'s openings and contact persons' },
});
