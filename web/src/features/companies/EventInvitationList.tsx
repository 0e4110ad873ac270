import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventSummary } from '../../../../src/companies/schemas.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDateTime, useLoad, useSubmit } from './ui.tsx';
import './event-invitations.css';

/**
 * The invitee's own network invitations, "Kommer" or "Kommer ikke" in one tap,
 * then the past ones with attendance. Shared by the company contact's page
 * (ns 'employer', "I") and the volunteer mentor's (ns 'mentors', "du"): both
 * namespaces hold the same `events.*` keys in their own voice.
 */
export function EventInvitationList({ ns }: { ns: 'employer' | 'mentors' }) {
  const { t, i18n } = useTranslation(ns);
  const loaded = useLoad<EventSummary[]>('/api/network/events');
  const [answered, setAnswered] = useState<Record<string, EventSummary>>({});
  const [status, setStatus] = useState('');
  const s = useSubmit();
  if (loaded.error) return <Alert variant="error">{loaded.error.message}</Alert>;
  if (!loaded.data) return <Spinner />;
  const now = new Date().toISOString();
  const events = loaded.data.map((e) => answered[e.id] ?? e);
  const upcoming = events.filter((e) => e.startsAt >= now).reverse();
  const past = events.filter((e) => e.startsAt < now);
  const answer = async (e: EventSummary, rsvp: 'yes' | 'no') => {
    setStatus('');
    const next = await s.run(() => api.post<EventSummary>(`/api/network/events/${e.id}/rsvp`, { rsvp }));
    if (next) {
      setAnswered((prev) => ({ ...prev, [e.id]: next }));
      setStatus(t(rsvp === 'yes' ? 'events.savedYes' : 'events.savedNo', { title: e.title }));
    }
  };
  return (
    <>
      <PageTitle>{t('events.title')}</PageTitle>
      <div role="status" aria-live="polite">{status && <Alert variant="success">{status}</Alert>}</div>
      {s.error && <Alert variant="error">{s.error.message}</Alert>}
      {upcoming.length === 0 && <p>{t('events.none')}</p>}
      <ul className="nobullet-list" data-testid="event-invitations">
        {upcoming.map((e) => {
          const mine = e.myInvitation?.rsvp;
          return (
            <li key={e.id} className="card event-card">
              <div className="card-content">
                <h2 className="h3">{e.title}</h2>
                <p>{formatDateTime(e.startsAt, i18n.language)}{e.location ? ` · ${e.location}` : ''}</p>
                {e.description && <p className="event-text">{e.description}</p>}
                <p className="form-hint">{t(`events.rsvp.${mine ?? 'pending'}`)}</p>
                <div role="group" aria-label={t('events.answerFor', { title: e.title })} className="rsvp-buttons">
                  {(['yes', 'no'] as const).map((r) => (
                    <button key={r} type="button" disabled={s.busy} aria-pressed={mine === r}
                      className={`button ${mine === r ? 'button-primary' : 'button-secondary'}`} onClick={() => void answer(e, r)}>
                      {t(`events.${r}`)}
                    </button>
                  ))}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
      {past.length > 0 && (
        <section aria-labelledby="past-events-heading">
          <h2 id="past-events-heading">{t('events.past')}</h2>
          <ul className="nobullet-list" data-testid="past-events">
            {past.map((e) => (
              <li key={e.id}>{e.title} ({formatDateTime(e.startsAt, i18n.language)}): {t(`events.rsvp.${e.myInvitation?.rsvp ?? 'pending'}`)}
                {e.myInvitation?.attended != null ? ` · ${t(e.myInvitation.attended ? 'events.came' : 'events.didNotCome')}` : ''}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
