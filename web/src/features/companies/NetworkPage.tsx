import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EVENT_KINDS, type EventSummary, type Story } from '../../../../src/companies/schemas.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { ErrorSummary } from '../../components/ErrorSummary.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDateTime, orNull, Select, TextArea, useLoad, useSubmit } from './ui.tsx';
import './network.css';

/** Network meetings and events, and the success stories the young people agreed to share. */
export function NetworkPage() {
  const { t, i18n } = useTranslation('companies');
  const events = useLoad<EventSummary[]>('/api/network/events');
  return (
    <>
      <PageTitle>{t('network.title')}</PageTitle>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{t('network.events')}</h2>
        {events.error && <Alert variant="error">{events.error.message}</Alert>}
        {!events.data && !events.error && <Spinner />}
        {events.data && events.data.length === 0 && <p>{t('network.noEvents')}</p>}
        {events.data && events.data.length > 0 && (
          <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="events-heading">
            <table className="table table--compact" data-testid="events">
              <thead><tr><th scope="col">{t('network.event')}</th><th scope="col">{t('network.date')}</th><th scope="col">{t('network.invited')}</th><th scope="col">{t('network.yes')}</th><th scope="col">{t('network.attended')}</th><th scope="col">{t('network.jobs')}</th></tr></thead>
              <tbody>
                {events.data.map((e) => (
                  <tr key={e.id}>
                    <th scope="row"><Link to={`/network/events/${e.id}`}>{e.title}</Link><br /><span className="form-hint">{t(`eventKind.${e.kind}`)}</span></th>
                    <td>{formatDateTime(e.startsAt, i18n.language)}</td><td>{e.invited}</td><td>{e.yes}</td><td>{e.attended}</td><td>{e.jobsCreated ?? '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <NewEventForm />
      </section>
      <StoriesSection />
    </>
  );
}

const FIELD_IDS: Record<string, string> = { title: 'event-title', startsAt: 'event-date', location: 'event-location', description: 'event-description' };

/** Title, kind, date and time, place and description; then on to the event's page to invite. */
function NewEventForm() {
  const { t } = useTranslation('companies');
  const navigate = useNavigate();
  const [f, setF] = useState({ title: '', kind: 'network_meeting', date: '', time: '17:00', location: '', description: '' });
  const s = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const startsAt = f.date ? new Date(`${f.date}T${f.time || '00:00'}:00`).toISOString() : '';
    const body = { title: f.title.trim(), kind: f.kind, startsAt, location: orNull(f.location), description: orNull(f.description) };
    const created = await s.run(() => api.post<{ id: string }>('/api/network/events', body));
    if (created) navigate(`/network/events/${created.id}`);
  };
  return (
    <details className="details event-create">
      <summary className="details-summary">{t('network.create')}</summary>
      <form onSubmit={submit} noValidate className="details-text">
        {s.error && s.error.fields.length > 0 && <ErrorSummary errors={s.error.fields} idFor={(x) => FIELD_IDS[x] ?? 'event-title'} />}
        {s.error && s.error.fields.length === 0 && <Alert variant="error">{s.error.message}</Alert>}
        <Field id="event-title" label={t('network.event')} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} required error={s.fieldError('title')} />
        <Select id="event-kind" label={t('network.kind')} value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`eventKind.${k}`) }))} />
        <Field id="event-date" type="date" label={t('network.date')} value={f.date} onChange={(e) => setF({ ...f, date: e.target.value })} required error={s.fieldError('startsAt')} />
        <Field id="event-time" type="time" label={t('network.time')} value={f.time} onChange={(e) => setF({ ...f, time: e.target.value })} />
        <Field id="event-location" label={t('network.location')} value={f.location} onChange={(e) => setF({ ...f, location: e.target.value })} />
        <TextArea id="event-description" label={t('network.description')} value={f.description} onChange={(e) => setF({ ...f, description: e.target.value })} />
        <button type="submit" className="button button-primary" disabled={s.busy || !f.title.trim() || !f.date}>{t('network.save')}</button>
      </form>
    </details>
  );
}

/**
 * The stories the network sees (the young person said yes to that story), and
 * for the team, below, those still waiting for the young person's yes.
 */
function StoriesSection() {
  const { t } = useTranslation('companies');
  const stories = useLoad<Story[]>('/api/network/stories');
  const shared = stories.data?.filter((s) => s.shared !== false) ?? [];
  const waiting = stories.data?.filter((s) => s.shared === false) ?? [];
  return (
    <section aria-labelledby="stories-heading">
      <h2 id="stories-heading">{t('network.stories')}</h2>
      <p>{t('network.storiesIntro')}</p>
      {stories.error && <Alert variant="error">{stories.error.message}</Alert>}
      {stories.data && shared.length === 0 && <p>{t('network.noStories')}</p>}
      <div data-testid="shared-stories">
        {shared.map((st) => (
          <article key={st.id} className="story">
            <h3>{st.title}</h3>
            <p>{st.body}</p>
            <p className="form-hint">{st.companyName}</p>
          </article>
        ))}
      </div>
      {waiting.length > 0 && (
        <>
          <h3>{t('network.waiting')}</h3>
          <p>{t('network.waitingIntro')}</p>
          <ul className="nobullet-list" data-testid="waiting-stories">
            {waiting.map((st) => (
              <li key={st.id}>
                {st.placementId ? <Link to={`/placements/${st.placementId}`}>{st.title}</Link> : st.title} · {st.companyName}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
