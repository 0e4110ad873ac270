import { definePermissions, type Actor } from '../core/policy.ts';

interface YoungPersonRef {
  partnership_id: string;
}
const sameTeam = (actor: Actor, r: YoungPersonRef) => r.partnership_id === actor.partnershipId;

/**
 * The catalog itself is public (read) and regional; importing and exporting it
 * is for administrators. Suggestions and links concern one young person: the
 * partnership's counsellors (and the admin, for suggestions) only.
 */
export const catalogPermissions = definePermissions({
  'catalog.import': { roles: ['admin'], description: 'Import the regional initiative catalog from a file' },
  'catalog.export': { roles: ['admin', 'counsellor', 'steering_group'], description: 'Download the catalog as CSV or Excel' },
  'catalog.suggest': { roles: ['counsellor', 'admin'], relation: sameTeam, description: 'See catalog initiatives suggested for a young person' },
  'catalog.link': { roles: ['counsellor'], relation: sameTeam, description: "Link a young person's pathway to a catalog initiative" },
});
