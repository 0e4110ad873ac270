import { definePermissions, type Actor } from '../core/policy.ts';

interface InPartnership {
  partnership_id: string;
}
const sameTeam = (actor: Actor, r: InPartnership) => r.partnership_id === actor.partnershipId;
const team = ['counsellor', 'admin'] as const;

export const companyPermissions = definePermissions({
  'companies.list': { roles: team, description: 'See the company network and its overview' },
  'companies.read': { roles: team, description: 'Open a company of the partnership', relation: sameTeam },
  'companies.write': { roles: team, description: 'Register and edit companies, contacts and openings', relation: sameTeam },
  'network.events.read': { roles: [...team, 'company_contact', 'volunteer_mentor'], description: 'See network events (invitees see their own)' },
  'network.events.write': { roles: team, description: 'Create events, invite, record attendance and jobs created' },
  'network.events.rsvp': { roles: ['company_contact', 'volunteer_mentor', 'counsellor', 'admin'], description: 'Answer an invitation' },
  'network.stories.read': { roles: [...team, 'company_contact', 'volunteer_mentor', 'association_contact', 'steering_group'], description: 'See the success stories the young people agreed to share with the network' },
  'network.stories.own': { roles: ['young_person'], description: 'Read the success stories about oneself and say yes or no to showing each to the network' },
  'network.stories.write': { roles: team, description: 'Write a success story and record the young person\'s consent to it' },
});
