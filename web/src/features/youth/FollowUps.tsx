import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { FollowUps as FollowUpsSchema } from '../../../../src/youth/schemas.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, useLoad } from './hooks.ts';

type Data = Static<typeof FollowUpsSchema>;

function Groups({ data, level }: { data: Data; level: 2 | 3 }) {
  const { t, i18n } = useTranslation('youth');
  const H = level === 2 ? 'h2' : 'h3';
  return (
    <div className="follow-up-groups">
      {(['overdue', 'today', 'thisWeek'] as const).map((g) => (
        <section key={g} aria-labelledby={`fu-${g}-${level}`}>
          <H id={`fu-${g}-${level}`} className={level === 3 ? 'h4' : undefined}>{t(`followUps.${g}`)} ({data[g].length})</H>
          {data[g].length === 0 ? <p>{t('followUps.none')}</p> : (
            <ul className="nobullet-list" data-testid={`follow-ups-${g}`}>
              {data[g].map((r) => (
                <li key={r.id}><Link to={`/youth/${r.id}`}>{r.firstName} {r.lastName}</Link> – {formatDate(r.nextFollowUp, i18n.language)}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** "Mine opfølgninger" on the counsellor's start page. */
export function FollowUpsWidget() {
  const { t } = useTranslation('youth');
  const { data, error } = useLoad<Data>('/api/youth/follow-ups');
  return (
    <section className="card start-widget" aria-labelledby="follow-ups-heading">
      <div className="card-content">
        <h2 id="follow-ups-heading" className="h3"><Link to="/youth/follow-ups">{t('followUps.title')}</Link></h2>
        {error && <Alert variant="error" headingLevel={3}>{error.message}</Alert>}
        {!data && !error && <Spinner />}
        {data && <Groups data={data} level={3} />}
      </div>
    </section>
  );
}

export function FollowUpsPage() {
  const { t } = useTranslation('youth');
  const { data, error } = useLoad<Data>('/api/youth/follow-ups');
  return (
    <>
      <PageTitle>{t('followUps.title')}</PageTitle>
      {error && <Alert variant="error">{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {data && <Groups data={data} level={2} />}
    </>
  );
}
