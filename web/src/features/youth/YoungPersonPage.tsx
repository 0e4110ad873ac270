import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { IdentitySection } from './IdentitySection.tsx';
import type { Static } from '@sinclair/typebox';
import type { YoungPersonView } from '../../../../src/youth/schemas.ts';
import { useSession } from '../../app/session.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad } from './hooks.ts';
import { DetailsSection } from './DetailsSection.tsx';
import { ScreeningSection } from './ScreeningSection.tsx';
import { PlanSection } from './PlanSection.tsx';
import { PathwaySection } from './PathwaySection.tsx';
import { JournalSection } from './JournalSection.tsx';
// The placement ladder belongs to the companies feature; the pathway shows it on its timeline.
import { PlacementLadder } from '../companies/PlacementLadder.tsx';
// Mentors, reminders to the guardian and activity attendance belong to their features; shown here for the counsellor.
import { MentorshipSection } from '../mentors/MentorshipSection.tsx';
import { GuardianSection } from '../reminders/GuardianSection.tsx';
import { AttendanceTrend } from '../activities/AttendanceTrend.tsx';

export type Person = Static<typeof YoungPersonView>;

/** One young person: details, screening, plan, pathway and journal on one page with a section menu. */
export function YoungPersonPage() {
  const { id } = useParams();
  const { t } = useTranslation('youth');
  const session = useSession();
  const { data, error, reload } = useLoad<Person>(`/api/youth/${id}`);
  if (error) return <><PageTitle>{t('caseload.title')}</PageTitle><Alert variant="error">{error.message}</Alert></>;
  if (!data) return <Spinner />;
  const casework = session.role === 'counsellor';
  return (
    <>
      <PageTitle subtitle={`${t('person.age', { age: data.age })} · ${t(`stage.${data.stage}`)}`}>{`${data.firstName} ${data.lastName}`}</PageTitle>
      {casework && (
        <nav aria-label={t('person.sections')}>
          <ul className="youth-section-nav">
            {['details', 'screening', 'plan', 'pathway', 'journal'].map((s) => (
              <li key={s}><a href={`#${s}`}>{s === 'details' ? t('person.details') : t(`${s}.heading`)}</a></li>
            ))}
            <li><a href="#mentors">{t('person.mentors')}</a></li>
            <li><a href="#attendance">{t('person.attendance')}</a></li>
          </ul>
        </nav>
      )}
      {casework && (
        <p>
          <Link className="button button-secondary" to={`/youth/${id}/forslag`}>{t('person.suggestions')}</Link>{' '}
          <Link className="button button-secondary" to={`/youth/${id}/katalog`}>{t('person.catalogSuggestions')}</Link>
        </p>
      )}
      <DetailsSection person={data} onSaved={reload} editable={casework} />
      {casework && <IdentitySection person={data} onSaved={reload} />}
      {casework && (
        <>
          <ScreeningSection person={data} onSaved={reload} />
          <PlanSection person={data} />
          <PathwaySection person={data} onSaved={reload} />
          <section aria-label={t('person.ladder')}>
            <PlacementLadder youngPersonId={id!} />
          </section>
          <JournalSection person={data} />
          <MentorshipSection youngPersonId={id!} firstName={data.firstName ?? ''} birthDate={data.birthDate} />
          <AttendanceTrend youngPersonId={id!} firstName={data.firstName ?? ''} />
          <GuardianSection youngPersonId={id!} />
        </>
      )}
    </>
  );
}
