import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { OnCallNow } from '../../../../src/lifeline/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { telHref, useLoad } from './hooks.ts';

/** "Brug for at snakke nu?": the person on call right now, or the after-hours numbers and 112. */
export function CallNowWidget() {
  const { t } = useTranslation('lifeline');
  const { data, error } = useLoad<Static<typeof OnCallNow>>('/api/lifeline/now');
  return (
    <section className="card start-widget lifeline-now" aria-labelledby="lifeline-now-heading" data-testid="call-now">
      <div className="card-content">
        <h2 id="lifeline-now-heading" className="h3">{t('now.title')}</h2>
        {error && <Alert variant="error" headingLevel={3}>{error.message}</Alert>}
        {!data && !error && <Spinner />}
        {data?.onCall && (
          <>
            <p className="font-lead">{t('now.callName', { name: data.onCall.name })}</p>
            <p>
              <a className="button button-primary lifeline-call" href={telHref(data.onCall.phone)}>
                {t('now.callButton', { phone: data.onCall.phone })}
              </a>
            </p>
            <p className="form-hint">{t('now.until', { time: data.onCall.untilLocal })}</p>
          </>
        )}
        {data && !data.onCall && (
          <>
            <p>{t('now.nobody')}</p>
            <ul className="nobullet-list">
              {data.afterHours.map((n) => (
                <li key={n.phone}>{n.label}: <a href={telHref(n.phone)}>{n.phone}</a></li>
              ))}
            </ul>
          </>
        )}
        {data && <p className="lifeline-emergency">{t('now.emergency')} <a className="tap-target" href="tel:112"><strong>112</strong></a></p>}
      </div>
    </section>
  );
}
