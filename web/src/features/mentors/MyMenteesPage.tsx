import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { MentorshipView } from '../../../../src/mentors/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, telHref, todayLocal, useLoad, useSubmit } from '../lifeline/hooks.ts';

type Mentorship = Static<typeof MentorshipView>;
const CHEMISTRY = ['good', 'try_again', 'not_a_match'] as const;

/** A volunteer mentor's own mentees, each with only what the young person shares. */
export function MyMenteesPage() {
  const { t } = useTranslation('mentors');
  const { data, error, reload } = useLoad<Mentorship[]>('/api/mentorships');
  return (
    <>
      <PageTitle subtitle={t('mine.intro')}>{t('mine.title')}</PageTitle>
      {error && <Alert variant="error">{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {data?.length === 0 && <p>{t('mine.none')}</p>}
      {data?.map((m) => <MenteeCard key={m.id} m={m} onChange={reload} />)}
    </>
  );
}

function MenteeCard({ m, onChange }: { m: Mentorship; onChange: () => void }) {
  const { t, i18n } = useTranslation('mentors');
  const name = m.mentee.firstName ?? t('mine.unnamed');
  const headingId = `mentee-${m.id}`;
  return (
    <section className="card mb-5" aria-labelledby={headingId} data-testid="mentee">
      <div className="card-content">
        <h2 id={headingId} className="h3">{name}</h2>
        <dl className="mentee-facts">
          <dt>{t('mine.started')}</dt><dd>{formatDate(m.startedOn, i18n.language)}</dd>
          {m.mentee.phone && (<><dt>{t('mine.phone')}</dt><dd><a className="tap-target" href={telHref(m.mentee.phone)}>{m.mentee.phone}</a></dd></>)}
          {m.mentee.email && (<><dt>{t('mine.email')}</dt><dd>{m.mentee.email}</dd></>)}
          {m.mentee.preferredContactTimes && (<><dt>{t('mine.times')}</dt><dd>{m.mentee.preferredContactTimes}</dd></>)}
          {m.firstMeetingOn && (<><dt>{t('mine.firstMeeting')}</dt><dd>{formatDate(m.firstMeetingOn, i18n.language)} – {t(`chemistry.${m.chemistry}`)}</dd></>)}
        </dl>
        {!m.mentee.phone && !m.mentee.email && <p className="form-hint">{t('mine.nothingShared', { name })}</p>}
        {!m.firstMeetingOn ? <FirstMeetingForm m={m} name={name} onDone={onChange} /> : <NoteForm m={m} name={name} onDone={onChange} />}
      </div>
    </section>
  );
}

/** The first meeting and its chemistry: the mentor records it, or the counsellor on the mentor's behalf (title given). */
export function FirstMeetingForm({ m, name, title, onDone }: { m: Mentorship; name: string; title?: string; onDone: () => void }) {
  const { t } = useTranslation('mentors');
  const [metOn, setMetOn] = useState(todayLocal());
  const [chemistry, setChemistry] = useState<string>('');
  const submit = useSubmit();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (await submit.run(() => api.post(`/api/mentorships/${m.id}/first-meeting`, { metOn, chemistry }))) onDone();
  }
  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3 className="h4">{title ?? t('first.title', { name })}</h3>
      {submit.error && <Alert variant="error" headingLevel={3}>{submit.error.message}</Alert>}
      <Field id={`met-${m.id}`} type="date" label={t('first.date')} value={metOn} onChange={(e) => setMetOn(e.target.value)} required />
      <fieldset className="form-group">
        <legend className="form-label">{t('first.chemistry')}</legend>
        {CHEMISTRY.map((c) => (
          <div className="form-group-radio" key={c}>
            <input type="radio" className="form-radio" id={`chem-${m.id}-${c}`} name={`chem-${m.id}`} value={c} checked={chemistry === c} onChange={() => setChemistry(c)} />
            <label htmlFor={`chem-${m.id}-${c}`}>{t(`chemistry.${c}`)}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="button button-primary" disabled={submit.busy || !chemistry}>{t('first.save')}</button>
    </form>
  );
}

function NoteForm({ m, name, onDone }: { m: Mentorship; name: string; onDone: () => void }) {
  const { t, i18n } = useTranslation('mentors');
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const submit = useSubmit();
  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (await submit.run(() => api.post(`/api/mentorships/${m.id}/notes`, { metOn: todayLocal(), note }))) { setNote(''); setOpen(false); onDone(); }
  }
  return (
    <>
      {m.notes.length > 0 && (
        <ul className="nobullet-list">
          {m.notes.slice(0, 3).map((n) => <li key={n.id}><span className="form-hint">{formatDate(n.metOn, i18n.language)}:</span> {n.note}</li>)}
        </ul>
      )}
      {!open && <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>{t('note.open', { name })}</button>}
      {open && (
        <form onSubmit={(e) => void onSubmit(e)} noValidate>
          <p className="form-hint">{t('note.optional')}</p>
          {submit.error && <Alert variant="error" headingLevel={3}>{submit.error.message}</Alert>}
          <div className="form-group">
            <label className="form-label" htmlFor={`note-${m.id}`}>{t('note.label')}</label>
            <textarea id={`note-${m.id}`} className="form-input" maxLength={1000} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <button type="submit" className="button button-primary" disabled={submit.busy || note.trim() === ''}>{t('note.save')}</button>{' '}
          <button type="button" className="button button-tertiary" onClick={() => setOpen(false)}>{t('note.cancel')}</button>
        </form>
      )}
    </>
  );
}
