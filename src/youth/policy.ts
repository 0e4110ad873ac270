import { definePermissions, type Actor } from '../core/policy.ts';

interface YoungPersonRef {
  partnership_id: string;
  user_id: string | null;
  counsellor_id: string | null;
}

const sameTeam = (actor: Actor, r: YoungPersonRef) => r.partnership_id === actor.partnershipId;

export const youthPermissions = definePermissions({
  'youth.list': { roles: ['counsellor', 'admin'], description: 'See the caseload of the partnership' },
  'youth.read': {
    roles: ['counsellor', 'admin', 'young_person'],
    description: 'Open a young person: the team, or the young person themself',
    relation: (actor: Actor, r: YoungPersonRef) =>
      sameTeam(actor, r) && (actor.role !== 'young_person' || r.user_id === actor.userId),
  },
});
