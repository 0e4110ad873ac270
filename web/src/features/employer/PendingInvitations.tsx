import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../../src/companies/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { useLoad } from '../companies/ui.tsx';

/** On the phone's first page: upcoming network events the company has not answered yet. */
export function PendingInvitations() {
  const { t } = useTranslation('employer');
  const { data } = useLoad<EventSummary[]>('/api/network/events');
  const now = new Date().toISOString();
  const count = (data ?? []).filter((e) => e.startsAt >= now && e.myInvitation?.rsvp === 'pending').length;
  if (count === 0) return null;
  return (
    <Alert variant="info">
      <Link to="/employer/events" data-testid="pending-invitations">{t('events.pending', { count })}</Link>
    </Alert>
  );
}
