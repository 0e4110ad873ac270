import { definePermissions } from '../core/policy.ts';

/**
 * The team (counsellors, the partnership's admin) sees exact figures; the
 * steering group sees the same reports with small counts suppressed. Nobody
 * outside the partnership sees its reports: routes always use the actor's own
 * partnership.
 */
export const reportPermissions = definePermissions({
  'reports.view': { roles: ['counsellor', 'admin', 'steering_group'], description: 'See the partnership\'s reports (steering group: suppressed)' },
  'reports.export': { roles: ['counsellor', 'admin', 'steering_group'], description: 'Download reports as CSV, XLSX or PDF (audited as export)' },
  'reports.goals.read': { roles: ['counsellor', 'admin', 'steering_group'], description: 'Read the programme goal definitions' },
  'reports.goals.write': { roles: ['counsellor', 'admin'], description: 'Define programme goals and the suppression threshold' },
});

/** Roles that see exact numbers; everyone else with access gets the suppressed view. */
export const TEAM_ROLES: readonly string[] = ['counsellor', 'admin'];
