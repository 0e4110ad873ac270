import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../../src/companies/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { useLoad } from './ui.tsx';

/**
 * On the phone's first page: upcoming network events not answered yet. Shared by the
 * company contact and the volunteer mentor; each feature words it in its own voice
 * (`<ns>:events.pending`, plural forms) and links to its own invitations page.
 */
export function PendingInvitations({ ns, to }: { ns: 'employer' | 'mentors'; to: string }) {
  const { t } = useTranslation(ns);
  const { data } = useLoad<EventSummary[]>('/api/network/events');
  const now = new Date().toISOString();
  const count = (data ?? []).filter((e) => e.startsAt >= now && e.myInvitation?.rsvp === 'pending').length;
  if (count === 0) return null;
  return (
    <Alert variant="info">
      <Link to={to} data-testid="pending-invitations">{t('events.pending', { count })}</Link>
    </Alert>
  );
}
