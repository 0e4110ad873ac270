import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { SlippingView } from '../../../../src/activities/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, useLoad } from '../lifeline/hooks.ts';

/** Regulars who missed the last three meetings of an activity they used to attend. */
export function SlippingWidget() {
  const { t, i18n } = useTranslation('activities');
  const { data, error } = useLoad<Static<typeof SlippingView>[]>('/api/activities/slipping');
  return (
    <section className="card start-widget" aria-labelledby="slipping-heading">
      <div className="card-content">
        <h2 id="slipping-heading" className="h3">{t('slipping.title')}</h2>
        {error && <Alert variant="error" headingLevel={3}>{error.message}</Alert>}
        {!data && !error && <Spinner />}
        {data?.length === 0 && <p>{t('slipping.none')}</p>}
        {data && data.length > 0 && (
          <ul className="nobullet-list" data-testid="slipping">
            {data.map((s) => (
              <li key={`${s.youngPersonId}-${s.activityId}`}>
                <Link to={`/youth/${s.youngPersonId}`}>{s.name}</Link>: {t('slipping.missed', { activity: s.activityName })}
                {s.lastAttended && <span className="form-hint"> ({t('slipping.last', { date: formatDate(s.lastAttended, i18n.language) })})</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
