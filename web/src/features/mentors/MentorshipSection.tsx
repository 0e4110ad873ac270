import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { MentorshipView, MentorView } from '../../../../src/mentors/schemas.ts';
import { ageOn } from '../../../../src/youth/domain.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { Select } from '../../components/FormControls.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { todayLocal, useLoad, useSubmit } from '../lifeline/hooks.ts';
import { MentorshipCard } from './MentorshipCard.tsx';

type Mentor = Static<typeof MentorView>;

/**
 * The young person's mentors on their page, and matching a new one. The API refuses
 * a mentee under 18 with a mentor whose child certificate is not checked, and a
 * mentor whose onboarding is not done; the form says so before it is sent.
 */
export function MentorshipSection({ youngPersonId, firstName, birthDate }: { youngPersonId: string; firstName: string; birthDate: string | undefined }) {
  const { t } = useTranslation('mentors');
  const list = useLoad<Static<typeof MentorshipView>[]>('/api/mentorships', { youngPersonId });
  const ended = useLoad<Static<typeof MentorshipView>[]>('/api/mentorships', { youngPersonId, status: 'ended' });
  const reloadAll = () => { list.reload(); ended.reload(); mentors.reload(); };
  const mentors = useLoad<Mentor[]>('/api/mentors', { status: 'active' });
  const [mentorId, setMentorId] = useState('');
  const [startedOn, setStartedOn] = useState(todayLocal());
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const chosen = mentors.data?.find((m) => m.id === mentorId);
  const minor = birthDate && /^\d{4}-\d{2}-\d{2}$/.test(startedOn) ? ageOn(birthDate, new Date(`${startedOn}T12:00:00`)) < 18 : false;
  const certificateMissing = Boolean(chosen && minor && !chosen.recordCheckedOn);
  const onboardingMissing = Boolean(chosen && !chosen.onboardingComplete);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (await submit.run(() => api.post('/api/mentorships', { mentorId, youngPersonId, startedOn }))) {
      setSaved(true);
      setMentorId('');
      reloadAll();
    }
  }

  return (
    <section id="mentors" aria-labelledby="mentors-h" data-testid="mentorships">
      <h2 id="mentors-h">{t('match.heading')}</h2>
      {list.error && <Alert variant="error">{list.error.message}</Alert>}
      {!list.data && !list.error && <Spinner />}
      {list.data?.length === 0 && <p>{t('match.none', { name: firstName })}</p>}
      {list.data && list.data.length > 0 && (
        <ul className="nobullet-list">
          {list.data.map((ms) => <MentorshipCard key={ms.id} ms={ms} firstName={firstName} onChange={reloadAll} />)}
        </ul>
      )}
      {ended.data && ended.data.length > 0 && (
        <details className="mentorship-history" data-testid="mentorship-history">
          <summary>{t('history.heading', { count: ended.data.length })}</summary>
          <ul className="nobullet-list">
            {ended.data.map((ms) => <MentorshipCard key={ms.id} ms={ms} firstName={firstName} onChange={reloadAll} />)}
          </ul>
        </details>
      )}
      <h3>{t('match.new')}</h3>
      {saved && <Alert variant="success" headingLevel={3}>{t('match.saved')}</Alert>}
      {submit.error && <Alert variant="error" headingLevel={3}>{submit.error.message}</Alert>}
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Select id="match-mentor" label={t('match.mentor')} value={mentorId} onChange={(e) => { setMentorId(e.target.value); setSaved(false); }}
          options={[{ value: '', label: t('match.choose') }, ...(mentors.data ?? []).map((m) => ({
            value: m.id, label: [m.name, m.industry, m.area].filter(Boolean).join(', ') + (m.activeMentorships ? ` – ${t('match.busy', { count: m.activeMentorships })}` : ''),
          }))]} />
        <Field id="match-start" type="date" label={t('match.start')} value={startedOn} onChange={(e) => setStartedOn(e.target.value)} required />
        {certificateMissing && chosen && (
          <Alert variant="warning" headingLevel={3} heading={t('match.certificateHeading')}>
            <p>{t('match.certificate', { name: firstName, mentor: chosen.name })}</p>
            <p><Link to={`/mentors/${chosen.id}`}>{t('match.openMentor', { mentor: chosen.name })}</Link></p>
          </Alert>
        )}
        {onboardingMissing && chosen && (
          <Alert variant="warning" headingLevel={3}>
            <p>{t('match.onboarding', { mentor: chosen.name })} <Link to={`/mentors/${chosen.id}`}>{t('match.openMentor', { mentor: chosen.name })}</Link></p>
          </Alert>
        )}
        <button type="submit" className="button button-primary" disabled={submit.busy || !mentorId || certificateMissing || onboardingMissing}>{t('match.save')}</button>
      </form>
    </section>
  );
}
