import { definePermissions } from '../core/policy.ts';

/** The partnership's staff bring in and hand over their data: counsellors and the administrator. */
export const importPermissions = definePermissions({
  'imports.run': { roles: ['counsellor', 'admin'], description: 'Import young people, companies and mentors from a spreadsheet (dry run first)' },
  'imports.export': { roles: ['counsellor', 'admin'], description: 'Export young people, companies and mentors in the import layout' },
});
