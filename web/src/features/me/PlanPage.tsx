import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad } from '../youth/hooks.ts';
import type { Overview } from './MeWidget.tsx';

/** The plan in plain Danish, with a link to the print version. */
export function PlanPage() {
  const { t, i18n } = useTranslation('me');
  const { data, error } = useLoad<Overview>('/api/me');
  const day = (d: string | null) => (d ? new Date(`${d}T12:00:00`).toLocaleDateString(i18n.language === 'en' ? 'en-GB' : 'da-DK', { day: 'numeric', month: 'long', year: 'numeric' }) : '');
  return (
    <>
      <PageTitle>{t('plan.title')}</PageTitle>
      {error && <Alert variant="error">{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {data && !data.plan && <p>{t('start.noPlan')}</p>}
      {data?.plan && (
        <>
          {data.plan.summary && <p className="font-lead">{data.plan.summary}</p>}
          {/* The same as the printed plan (#21): the contact person and every date. */}
          {data.contactPerson && (
            <>
              <h2>{t('plan.contact')}</h2>
              <p>
                {data.contactPerson.name}
                {data.contactPerson.phone && <>{' '}<a className="tap-target" href={`tel:${data.contactPerson.phone.replace(/[^+0-9]/g, '')}`}>{data.contactPerson.phone}</a></>}
                {' '}<a href={`mailto:${data.contactPerson.email}`}>{data.contactPerson.email}</a>
              </p>
            </>
          )}
          <h2>{t('plan.goals')}</h2>
          <ul>
            {data.plan.goals.map((g, i) => (
              <li key={i}>
                <strong>{g.title}</strong>{g.dueDate && <> – {t('plan.by', { date: day(g.dueDate) })}</>} ({t(`plan.status.${g.status}`)})
                {g.subGoals.length > 0 && <ul>{g.subGoals.map((s, k) => <li key={k}>{s.title}{s.dueDate && <> – {t('plan.by', { date: day(s.dueDate) })}</>} ({t(`plan.status.${s.status}`)})</li>)}</ul>}
              </li>
            ))}
          </ul>
          {data.plan.agreements.length > 0 && (
            <>
              <h2>{t('plan.agreements')}</h2>
              <ul>{data.plan.agreements.map((a, i) => <li key={i}><strong>{a.who}</strong>: {a.what}{a.byWhen && <> – {t('plan.by', { date: day(a.byWhen) })}</>}</li>)}</ul>
            </>
          )}
          <p><a className="button button-secondary" href="/api/me/plan/print" target="_blank" rel="noopener">{t('plan.print')}</a></p>
        </>
      )}
    </>
  );
}
