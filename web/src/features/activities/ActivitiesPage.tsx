import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { ActivityView } from '../../../../src/activities/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useSession } from '../../app/session.tsx';
import { formatDate, useLoad, useSubmit } from '../lifeline/hooks.ts';
import { FeedLink, type Feed as LeaderFeed } from './FeedLink.tsx';
import { FeedUrl } from './FeedUrl.tsx';
import { AssociationForm } from './AssociationForm.tsx';

type Activity = Static<typeof ActivityView>;
type Feed = { id: string; createdAt: string };
const WRITERS = ['counsellor', 'admin', 'association_contact'];

/** The community's activities: when they meet, sign-up for young people, attendance for the leader. */
export function ActivitiesPage() {
  const { t } = useTranslation('activities');
  const { data, error, reload } = useLoad<Activity[]>('/api/activities');
  const session = useSession();
  const role = session.role ?? undefined;
  // Leaders (and the team) may subscribe to an activity's meetings in their own calendar.
  const feeds = useLoad<LeaderFeed[]>(role && WRITERS.includes(role) ? '/api/calendar-feeds' : null);
  return (
    <>
      <PageTitle subtitle={t('list.intro')}>{t('list.title')}</PageTitle>
      {role === 'young_person' && <CalendarLink />}
      {role && WRITERS.includes(role) && <p><Link className="button button-primary" to="/activities/new">{t('list.new')}</Link></p>}
      {(role === 'counsellor' || role === 'admin') && <AssociationForm isAdmin={role === 'admin'} />}
      {error && <Alert variant="error">{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {data?.length === 0 && <p>{t('list.none')}</p>}
      {data?.map((a) => <ActivityCard key={a.id} a={a} role={role} onChange={reload} feeds={feeds.data} onFeedsChange={feeds.reload} />)}
    </>
  );
}

function ActivityCard({ a, role, onChange, feeds, onFeedsChange }: {
  a: Activity; role: string | undefined; onChange: () => void; feeds: LeaderFeed[] | undefined; onFeedsChange: () => void;
}) {
  const { t, i18n } = useTranslation('activities');
  const submit = useSubmit();
  const when = (o: Activity['next'][number]) => `${formatDate(o.date, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' })} ${o.start}–${o.end}`;
  const toggle = async () => {
    if (await submit.run(() => (a.signedUp ? api.delete(`/api/activities/${a.id}/signup`) : api.post(`/api/activities/${a.id}/signup`, {})))) onChange();
  };
  const canTakeAttendance = a.iLead || role === 'counsellor';
  return (
    <section className="card mb-5" aria-labelledby={`activity-${a.id}`} data-testid="activity">
      <div className="card-content">
        <h2 id={`activity-${a.id}`} className="h3">{a.name}</h2>
        <p>{t(`kind.${a.kind}`)}{a.associationName ? ` · ${a.associationName}` : ''}{a.place ? ` · ${a.place}` : ''}</p>
        {a.description && <p>{a.description}</p>}
        <h3 className="h5">{t('list.next')}</h3>
        <ul className="nobullet-list">
          {a.next.slice(0, 4).map((o) => (
            <li key={o.startsAt}>
              {o.cancelled ? <s>{when(o)}</s> : when(o)}{o.cancelled && <strong> – {t('list.cancelled')}{o.reason ? `: ${o.reason}` : ''}</strong>}
            </li>
          ))}
        </ul>
        {submit.error && <Alert variant="error" headingLevel={3}>{submit.error.message}</Alert>}
        {role === 'young_person' && (
          <button type="button" className={`button ${a.signedUp ? 'button-secondary' : 'button-primary'}`} onClick={() => void toggle()} disabled={submit.busy}>
            {a.signedUp ? t('list.signOff') : t('list.signUp')}<span className="sr-only">: {a.name}</span>
          </button>
        )}
        {role === 'young_person' && a.signedUp && <p className="form-hint">{t('list.signedUp')}</p>}
        {canTakeAttendance && <p><Link to={`/activities/${a.id}/attendance`}>{t('list.takeAttendance')}<span className="sr-only">: {a.name}</span></Link> · {t('list.signups', { count: a.signups })}</p>}
        {(a.iLead || role === 'counsellor' || role === 'admin') && (
          <>
            <p><Link to={`/activities/${a.id}/edit`}>{t('list.edit')}<span className="sr-only">: {a.name}</span></Link></p>
            <FeedLink kind="activity" subjectId={a.id} name={a.name} feeds={feeds} onChange={onFeedsChange} />
          </>
        )}
      </div>
    </section>
  );
}

function CalendarLink() {
  const { t, i18n } = useTranslation('activities');
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState(false);
  const feeds = useLoad<Feed[]>('/api/calendar-feeds');
  const submit = useSubmit();
  const make = async () => {
    setRevoked(false);
    const res = await submit.run(() => api.post<{ url: string }>('/api/calendar-feeds', { kind: 'young_person' }));
    if (res) { setUrl(res.url); feeds.reload(); }
  };
  // A link that was shared by mistake is stopped here; the calendar app then gets 404 and stops updating.
  const revoke = async (id: string) => {
    // 204 has no body: the run answers true itself when the call went through.
    if (await submit.run(async () => { await api.delete(`/api/calendar-feeds/${id}`); return true; })) { setUrl(null); setRevoked(true); feeds.reload(); }
  };
  return (
    <div className="mb-5">
      {!url && <button type="button" className="button button-secondary" onClick={() => void make()} disabled={submit.busy}>{t('calendar.make')}</button>}
      {submit.error && <Alert variant="error">{submit.error.message}</Alert>}
      {revoked && <Alert variant="success">{t('calendar.revoked')}</Alert>}
      {url && (
        <FeedUrl id="calendar-url" label={t('calendar.label')} hint={t('calendar.hint')} url={url} />
      )}
      {feeds.data && feeds.data.length > 0 && (
        <>
          <h2 className="h4" id="calendar-links-h">{t('calendar.links')}</h2>
          <p className="form-hint">{t('calendar.revokeHint')}</p>
          <ul className="nobullet-list" aria-labelledby="calendar-links-h" data-testid="calendar-feeds">
            {feeds.data.map((f) => (
              <li key={f.id}>
                {t('calendar.linkMade', { date: formatDate(f.createdAt, i18n.language, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }) })}{' '}
                <button type="button" className="button button-tertiary" disabled={submit.busy} onClick={() => void revoke(f.id)}>
                  {t('calendar.revoke')}<span className="sr-only">: {t('calendar.linkMade', { date: formatDate(f.createdAt, i18n.language) })}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
