import { definePermissions, type Actor } from '../core/policy.ts';

interface ActivityRef {
  partnership_id: string;
  leader_user_id: string | null;
}
const sameTeam = (actor: Actor, r: ActivityRef) => r.partnership_id === actor.partnershipId;

/**
 * Everyone in the partnership sees the activities; counsellors and association
 * contacts create them; the leader (an association contact) takes attendance for
 * the activities they lead; young people sign themselves up. Attendance trends
 * and the "slipping away" flag are for counsellors.
 */
export const activityPermissions = definePermissions({
  'activities.list': {
    roles: ['counsellor', 'admin', 'association_contact', 'young_person', 'volunteer_mentor', 'company_contact'],
    description: 'See the community activities and when they meet',
  },
  'activities.read': {
    roles: ['counsellor', 'admin', 'association_contact', 'young_person', 'volunteer_mentor', 'company_contact'],
    description: 'Open an activity',
    relation: sameTeam,
  },
  'activities.write': {
    roles: ['counsellor', 'admin', 'association_contact'],
    description: 'Create activities and schedules, cancel an occurrence (a contact: activities they lead)',
    relation: (actor: Actor, r: ActivityRef) => sameTeam(actor, r) && (actor.role !== 'association_contact' || r.leader_user_id === actor.userId),
  },
  'associations.write': { roles: ['counsellor', 'admin'], description: 'Register associations' },
  'activities.signup': {
    roles: ['young_person', 'counsellor'],
    description: 'Sign up for an activity (a young person: themself)',
    relation: sameTeam,
  },
  'activities.attendance': {
    roles: ['association_contact', 'counsellor'],
    description: 'Take attendance (the leader of the activity, or a counsellor)',
    relation: (actor: Actor, r: ActivityRef) => sameTeam(actor, r) && (actor.role !== 'association_contact' || r.leader_user_id === actor.userId),
  },
  'activities.trend': { roles: ['counsellor'], description: "See a young person's attendance trend and who is slipping away" },
});
