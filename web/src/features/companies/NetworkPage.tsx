import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, Select, useLoad, useSubmit } from './ui.tsx';

interface EventRow { id: string; title: string; kind: string; startsAt: string; location: string | null; jobsCreated: number | null; invited: number; yes: number; attended: number }
interface Story { id: string; title: string; body: string; companyName: string; shared?: boolean }
const KINDS = ['network_meeting', 'kickoff', 'mentor_course', 'job_festival', 'other'] as const;

/** Network meetings and events, and the success stories the young people agreed to share. */
export function NetworkPage() {
  const { t, i18n } = useTranslation('companies');
  const events = useLoad<EventRow[]>('/api/network/events');
  const stories = useLoad<Story[]>('/api/network/stories');
  const [f, setF] = useState({ title: '', kind: 'network_meeting', date: '' });
  const s = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { title: f.title, kind: f.kind, startsAt: f.date ? new Date(`${f.date}T17:00:00`).toISOString() : '' };
    if (await s.run(() => api.post('/api/network/events', body))) {
      setF({ title: '', kind: 'network_meeting', date: '' });
      events.reload();
    }
  };
  return (
    <>
      <PageTitle>{t('network.title')}</PageTitle>
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{t('network.events')}</h2>
        {events.error && <Alert variant="error">{events.error.message}</Alert>}
        {!events.data && !events.error && <Spinner />}
        {events.data && (
          <div className="table-responsive">
            <table className="table table--compact" data-testid="events">
              <thead><tr><th scope="col">{t('network.event')}</th><th scope="col">{t('network.date')}</th><th scope="col">{t('network.invited')}</th><th scope="col">{t('network.yes')}</th><th scope="col">{t('network.attended')}</th><th scope="col">{t('network.jobs')}</th></tr></thead>
              <tbody>
                {events.data.map((e) => (
                  <tr key={e.id}><th scope="row">{e.title}<br /><span className="form-hint">{t(`eventKind.${e.kind}`)}</span></th><td>{formatDate(e.startsAt, i18n.language)}</td><td>{e.invited}</td><td>{e.yes}</td><td>{e.attended}</td><td>{e.jobsCreated ?? '–'}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <details className="details">
          <summary className="details-summary">{t('network.create')}</summary>
          <form onSubmit={submit} noValidate className="details-text">
            {s.error && <Alert variant="error">{s.error.message}</Alert>}
            <Field id="event-title" label={t('network.event')} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} required />
            <Select id="event-kind" label={t('network.kind')} value={f.kind} onChange={(e) => setF({ ...f, kind: e.target.value })}
              options={KINDS.map((k) => ({ value: k, label: t(`eventKind.${k}`) }))} />
            <Field id="event-date" type="date" label={t('network.date')} value={f.date} onChange={(e) => setF({ ...f, date: e.target.value })} required />
            <button type="submit" className="button button-secondary" disabled={s.busy || !f.title || !f.date}>{t('network.save')}</button>
          </form>
        </details>
      </section>
      <section aria-labelledby="stories-heading">
        <h2 id="stories-heading">{t('network.stories')}</h2>
        <p>{t('network.storiesIntro')}</p>
        {stories.data && stories.data.length === 0 && <p>{t('network.noStories')}</p>}
        {stories.data && stories.data.map((st) => (
          <article key={st.id} className="story">
            <h3>{st.title}</h3>
            <p>{st.body}</p>
            <p className="form-hint">{st.companyName}{st.shared === false ? ` · ${t('network.notShared')}` : ''}</p>
          </article>
        ))}
      </section>
    </>
  );
}
