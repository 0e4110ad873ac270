import { definePermissions, type Actor } from '../core/policy.ts';

interface MentorRef {
  partnership_id: string;
  user_id: string | null;
}
interface MentorshipRef {
  partnership_id: string;
  mentor_user_id: string | null;
}

const ownOrTeam = (actor: Actor, r: { partnership_id: string }, ownerUserId: string | null) =>
  r.partnership_id === actor.partnershipId && (actor.role !== 'volunteer_mentor' || ownerUserId === actor.userId);

/**
 * Counsellors run the mentor registry and the matching. A volunteer mentor sees
 * their own profile and their own mentorships, and of each mentee only what the
 * young person shares with them. Companies have no access to mentorships.
 */
export const mentorPermissions = definePermissions({
  'mentors.list': { roles: ['counsellor', 'admin'], description: 'See the mentor registry' },
  'mentors.read': {
    roles: ['counsellor', 'admin', 'volunteer_mentor'],
    description: 'Open a mentor profile (a mentor: their own)',
    relation: (actor: Actor, r: MentorRef) => ownOrTeam(actor, r, r.user_id),
  },
  'mentors.write': {
    roles: ['counsellor', 'admin'],
    description: 'Register mentors, record onboarding and status',
    relation: (actor: Actor, r: MentorRef) => r.partnership_id === actor.partnershipId,
  },
  'mentors.login': {
    roles: ['counsellor', 'admin'],
    description: 'Give a mentor a login and e-mail them a one-time link to choose a password',
    relation: (actor: Actor, r: MentorRef) => r.partnership_id === actor.partnershipId,
  },
  'mentorships.list': { roles: ['counsellor', 'volunteer_mentor'], description: 'List mentorships (a mentor: their own)' },
  'mentorships.read': {
    roles: ['counsellor', 'volunteer_mentor'],
    description: 'Open a mentorship (a mentor: their own, with what the mentee shares)',
    relation: (actor: Actor, r: MentorshipRef) => ownOrTeam(actor, r, r.mentor_user_id),
  },
  'mentorships.create': { roles: ['counsellor'], description: 'Match a mentor with a young person' },
  'mentorships.meeting': {
    roles: ['counsellor', 'volunteer_mentor'],
    description: 'Record the first meeting and its chemistry, or a short note after a meeting',
    relation: (actor: Actor, r: MentorshipRef) => ownOrTeam(actor, r, r.mentor_user_id),
  },
  'mentorships.review': {
    roles: ['counsellor'],
    description: 'Review a mentorship every 3 months: extend or end',
    relation: (actor: Actor, r: MentorshipRef) => r.partnership_id === actor.partnershipId,
  },
});
