import { EventInvitationList } from '../companies/EventInvitationList.tsx';

/** The volunteer mentor's invitations from the network, answered on the phone in one tap. */
export function MentorEventsPage() {
  return <EventInvitationList ns="mentors" />;
}
