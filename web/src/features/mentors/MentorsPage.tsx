import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { MentorView, ReviewDue } from '../../../../src/mentors/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, useLoad } from '../lifeline/hooks.ts';
import { reviewAnchor } from './MentorshipCard.tsx';

/** The counsellor's mentor registry and the mentorships whose 3-month review is due. */
export function MentorsPage() {
  const { t, i18n } = useTranslation('mentors');
  const mentors = useLoad<Static<typeof MentorView>[]>('/api/mentors');
  return (
    <>
      <PageTitle subtitle={t('registry.intro')}>{t('registry.title')}</PageTitle>
      <ReviewsDue />
      <h2 id="registry-heading">{t('registry.mentors')}</h2>
      <p><Link className="button button-primary" to="/mentors/new">{t('registry.new')}</Link></p>
      {mentors.error && <Alert variant="error">{mentors.error.message}</Alert>}
      {!mentors.data && !mentors.error && <Spinner />}
      {mentors.data && (
        <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="registry-heading">
          <table className="table table--compact" data-testid="mentors">
            <thead>
              <tr>
                <th scope="col">{t('registry.name')}</th><th scope="col">{t('registry.kind')}</th><th scope="col">{t('registry.job')}</th>
                <th scope="col">{t('registry.area')}</th><th scope="col">{t('registry.hours')}</th><th scope="col">{t('registry.onboarding')}</th>
                <th scope="col">{t('registry.childCertificate')}</th><th scope="col">{t('registry.status')}</th><th scope="col">{t('registry.mentees')}</th>
              </tr>
            </thead>
            <tbody>
              {mentors.data.map((m) => (
                <tr key={m.id}>
                  <td><Link to={`/mentors/${m.id}`}>{m.name}</Link></td><td>{t(`kind.${m.kind}`)}</td><td>{[m.jobTitle, m.industry].filter(Boolean).join(', ')}</td>
                  <td>{m.area ?? '–'}</td><td>{m.hoursPerMonth ?? '–'}</td>
                  <td>{m.onboardingComplete ? t('registry.done') : t('registry.missing')}</td>
                  <td>{m.recordCheckedOn ? formatDate(m.recordCheckedOn, i18n.language) : t('registry.notChecked')}</td>
                  <td>{t(`status.${m.status}`)}</td><td>{m.activeMentorships}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** Each row leads to the review form on the young person's page. */
export function ReviewsDue({ asWidget = false }: { asWidget?: boolean }) {
  const { t, i18n } = useTranslation('mentors');
  const { data, error } = useLoad<Static<typeof ReviewDue>[]>('/api/mentorships/reviews-due');
  const body = (
    <>
      <h2 id="reviews-due-heading" className={asWidget ? 'h3' : undefined}>{t('reviews.title')}</h2>
      {error && <Alert variant="error" headingLevel={3}>{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {data?.length === 0 && <p>{t('reviews.none')}</p>}
      {data && data.length > 0 && (
        <ul className="nobullet-list" data-testid="reviews-due">
          {data.map((r) => (
            <li key={r.mentorshipId}>
              <Link to={`/youth/${r.youngPersonId}#${reviewAnchor(r.mentorshipId)}`}>{r.youngPersonName}</Link> – {t('reviews.with', { mentor: r.mentorName })}:{' '}
              {r.overdue ? <strong>{t('reviews.overdue', { date: formatDate(r.nextReviewOn, i18n.language) })}</strong> : t('reviews.due', { date: formatDate(r.nextReviewOn, i18n.language) })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  return asWidget ? <section className="card start-widget" aria-labelledby="reviews-due-heading"><div className="card-content">{body}</div></section> : body;
}
