import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CompanySummary, EventDetail, Invitation } from '../../../../src/companies/schemas.ts';
import type { MentorView } from '../../../../src/mentors/schemas.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Checkboxes, danish, formatDateTime, useLoad, useSubmit } from './ui.tsx';
import { EventEditForm } from './EventEditForm.tsx';
import './network.css';

/** One network event: invite companies and mentors, see their answers, tap attendance, record jobs created. */
export function EventPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation('companies');
  const loaded = useLoad<EventDetail>(`/api/network/events/${id}`);
  // Each write answers with the whole event; show that at once.
  const [fresh, setFresh] = useState<EventDetail | null>(null);
  const data = fresh ?? loaded.data;
  if (loaded.error) return <Alert variant="error">{loaded.error.message}</Alert>;
  if (!data) return <Spinner />;
  return (
    <>
      <PageTitle subtitle={`${t(`eventKind.${data.kind}`)} · ${formatDateTime(data.startsAt, i18n.language)}${data.location ? ` · ${data.location}` : ''}`}>{data.title}</PageTitle>
      {data.description && <p className="event-description">{data.description}</p>}
      <dl className="event-figures" data-testid="event-figures">
        <div><dt>{t('network.invited')}</dt><dd>{data.invited}</dd></div>
        <div><dt>{t('network.yes')}</dt><dd>{data.yes}</dd></div>
        <div><dt>{t('network.attended')}</dt><dd>{data.attended}</dd></div>
        <div><dt>{t('network.jobs')}</dt><dd>{data.jobsCreated ?? '–'}</dd></div>
      </dl>
      <EventEditForm event={data} onSaved={setFresh} />
      <InviteForm event={data} onSaved={setFresh} />
      <Invitations event={data} onSaved={setFresh} />
      <JobsForm event={data} onSaved={setFresh} />
    </>
  );
}

function InviteForm({ event, onSaved }: { event: EventDetail; onSaved: (e: EventDetail) => void }) {
  const { t } = useTranslation('companies');
  const companies = useLoad<CompanySummary[]>('/api/companies');
  const mentors = useLoad<MentorView[]>('/api/mentors', { status: 'active' });
  const [f, setF] = useState({ companyIds: [] as string[], mentorIds: [] as string[] });
  const [status, setStatus] = useState('');
  const s = useSubmit();
  const invitedCompanies = new Set(event.invitations.map((i) => i.companyId));
  const invitedMentors = new Set(event.invitations.map((i) => i.mentorId));
  const openCompanies = (companies.data ?? []).filter((c) => !invitedCompanies.has(c.id)).sort((a, b) => danish.compare(a.name, b.name));
  const openMentors = (mentors.data ?? []).filter((m) => !invitedMentors.has(m.id)).sort((a, b) => danish.compare(a.name, b.name));
  const count = f.companyIds.length + f.mentorIds.length;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('');
    const next = await s.run(() => api.post<EventDetail>(`/api/network/events/${event.id}/invitations`, f));
    if (next) {
      onSaved(next);
      setStatus(t('event.invitedCount', { count }));
      setF({ companyIds: [], mentorIds: [] });
    }
  };
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('event.invite')}</h2>
      <p role="status" aria-live="polite">{status}</p>
      <details className="details">
        <summary className="details-summary">{t('event.chooseInvitees')}</summary>
        <form onSubmit={submit} noValidate className="details-text">
          {s.error && <Alert variant="error">{s.error.message}</Alert>}
          {openCompanies.length > 0 && (
            <Checkboxes id="invite-companies" legend={t('event.companies')} value={f.companyIds} onChange={(companyIds) => setF({ ...f, companyIds })}
              options={openCompanies.map((c) => ({ value: c.id, label: c.name }))} />
          )}
          {openMentors.length > 0 && (
            <Checkboxes id="invite-mentors" legend={t('event.mentors')} value={f.mentorIds} onChange={(mentorIds) => setF({ ...f, mentorIds })}
              options={openMentors.map((m) => ({ value: m.id, label: m.name }))} />
          )}
          {companies.data && openCompanies.length === 0 && openMentors.length === 0 && <p>{t('event.allInvited')}</p>}
          <button type="submit" className="button button-primary" disabled={s.busy || count === 0}>{t('event.sendInvites', { count })}</button>
        </form>
      </details>
    </section>
  );
}

/** One card per invitee: their answer, and "Mødt" / "Ikke mødt" as one tap each. */
function Invitations({ event, onSaved }: { event: EventDetail; onSaved: (e: EventDetail) => void }) {
  const { t } = useTranslation('companies');
  const [status, setStatus] = useState('');
  const s = useSubmit();
  const mark = async (inv: Invitation, attended: boolean) => {
    setStatus('');
    const next = await s.run(() => api.post<EventDetail>(`/api/network/events/${event.id}/attendance`, { entries: [{ invitationId: inv.id, attended }] }));
    if (next) {
      onSaved(next);
      setStatus(t('event.attendanceSaved', { name: inv.name, status: t(attended ? 'event.came' : 'event.didNotCome') }));
    }
  };
  const sorted = [...event.invitations].sort((a, b) => danish.compare(a.name, b.name));
  return (
    <section aria-labelledby="answers-heading">
      <h2 id="answers-heading">{t('event.answers')}</h2>
      <div role="status" aria-live="polite">{status && <Alert variant="success">{status}</Alert>}</div>
      {s.error && <Alert variant="error">{s.error.message}</Alert>}
      {sorted.length === 0 ? <p>{t('event.noneInvited')}</p> : (
        <ul className="nobullet-list invitation-list" data-testid="invitations">
          {sorted.map((inv) => (
            <li key={inv.id} className="invitation-row">
              <div>
                <h3 className="h5 invitation-name">{inv.name}</h3>
                <span className="form-hint">{t(inv.mentorId ? 'event.mentor' : 'event.company')} · {t(`rsvp.${inv.rsvp}`)}</span>
              </div>
              <div role="group" aria-label={t('event.attendanceFor', { name: inv.name })} className="invitation-buttons">
                {[true, false].map((attended) => (
                  <button key={String(attended)} type="button" disabled={s.busy} aria-pressed={inv.attended === attended}
                    className={`button ${inv.attended === attended ? 'button-primary' : 'button-secondary'}`} onClick={() => void mark(inv, attended)}>
                    {t(attended ? 'event.came' : 'event.didNotCome')}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** "72 småjobs": what the event led to, recorded afterwards. */
function JobsForm({ event, onSaved }: { event: EventDetail; onSaved: (e: EventDetail) => void }) {
  const { t } = useTranslation('companies');
  const [jobs, setJobs] = useState(event.jobsCreated === null ? '' : String(event.jobsCreated));
  const [saved, setSaved] = useState(false);
  const s = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const next = await s.run(() => api.patch<EventDetail>(`/api/network/events/${event.id}`, { jobsCreated: jobs.trim() === '' ? null : Number(jobs) }));
    if (next) { onSaved(next); setSaved(true); }
  };
  return (
    <section aria-labelledby="jobs-heading">
      <h2 id="jobs-heading">{t('event.jobsTitle')}</h2>
      <form onSubmit={submit} noValidate>
        {s.error && <Alert variant="error">{s.error.message}</Alert>}
        {saved && <Alert variant="success">{t('event.jobsSaved')}</Alert>}
        <Field id="event-jobs" type="number" inputMode="numeric" min={0} max={100000} label={t('event.jobsLabel')} hint={t('event.jobsHint')}
          value={jobs} onChange={(e) => setJobs(e.target.value)} />
        <button type="submit" className="button button-secondary" disabled={s.busy}>{t('event.jobsSave')}</button>
      </form>
    </section>
  );
}
