import { definePermissions } from '../core/policy.ts';

/**
 * Matching is casework: counsellors rank, decide and run "Foreslå for alle".
 * The admin may look (suggestions, batch, report) and sets the partnership's weights.
 * Record checks (same partnership) are done in the routes via the young person.
 */
export const matchingPermissions = definePermissions({
  'matching.suggest': { roles: ['counsellor', 'admin'], description: 'See ranked suggestions for a young person' },
  'matching.decide': { roles: ['counsellor'], description: 'Accept or reject a suggestion (creates a placement or mentorship)' },
  'matching.batch': { roles: ['counsellor', 'admin'], description: 'Compute the best assignment for all waiting young people' },
  'matching.weights.read': { roles: ['counsellor', 'admin'], description: 'See the partnership\'s matching weights' },
  'matching.weights.write': { roles: ['admin', 'counsellor'], description: 'Set the partnership\'s matching weights' },
  'matching.report': { roles: ['counsellor', 'admin'], description: 'See how accepted suggestions fared' },
  'matching.geocode': { roles: ['counsellor', 'admin'], description: 'Look up coordinates for addresses now' },
});
