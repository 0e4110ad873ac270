import { EventInvitationList } from '../companies/EventInvitationList.tsx';

/** The company's invitations from the network; "Kommer" or "Kommer ikke" is one tap. */
export function EmployerEventsPage() {
  return <EventInvitationList ns="employer" />;
}
