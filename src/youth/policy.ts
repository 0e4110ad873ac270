import { definePermissions, type Actor } from '../core/policy.ts';

interface YoungPersonRef {
  partnership_id: string;
  user_id: string | null;
  counsellor_id: string | null;
}

const sameTeam = (actor: Actor, r: YoungPersonRef) => r.partnership_id === actor.partnershipId;
const team = { roles: ['counsellor'] as const, relation: sameTeam };

/**
 * Counsellors of the partnership do the casework. The admin may list and open
 * (ordinary fields only, see presenter.ts). The young person reads their own
 * record and manages consent through /api/me.
 */
export const youthPermissions = definePermissions({
  'youth.list': { roles: ['counsellor', 'admin'], description: 'See the caseload of the partnership' },
  'youth.read': {
    roles: ['counsellor', 'admin', 'young_person'],
    description: 'Open a young person: the team, or the young person themself',
    relation: (actor: Actor, r: YoungPersonRef) =>
      sameTeam(actor, r) && (actor.role !== 'young_person' || r.user_id === actor.userId),
  },
  'youth.create': { roles: ['counsellor'], description: 'Take in (visitate) a young person' },
  'youth.update': { ...team, description: 'Change intake details and follow-up' },
  'youth.followups': { roles: ['counsellor'], description: "See one's own follow-ups and the partnership's counsellors" },
  'youth.casework.read': { ...team, description: 'Read screenings, plan history, pathway and journal' },
  'youth.casework.write': { ...team, description: 'Write screenings, plans, pathway changes and journal entries' },
  'youth.invite': { ...team, description: 'Invite a young person to log in' },
  'me.read': { roles: ['young_person'], description: 'A young person reads their own data, consents and access log' },
  'me.consent': { roles: ['young_person'], description: 'A young person grants or revokes sharing' },
  'me.export': { roles: ['young_person'], description: 'A young person downloads all their data' },
});
