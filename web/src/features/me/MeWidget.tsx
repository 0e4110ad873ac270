import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { MeOverview } from '../../../../src/youth/me-schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useLoad } from '../youth/hooks.ts';

export type Overview = Static<typeof MeOverview>;

/** The young person's start page: next meeting, who to call, the plan in short. Phone first. */
export function MeWidget() {
  const { t, i18n } = useTranslation('me');
  const { data, error } = useLoad<Overview>('/api/me');
  const locale = i18n.language === 'en' ? 'en-GB' : 'da-DK';
  if (error) return <Alert variant="error">{error.message}</Alert>;
  if (!data) return <Spinner />;
  const at = data.nextAppointment ? new Date(data.nextAppointment.at) : null;
  const c = data.contactPerson;
  return (
    <div className="me-widgets">
      <section className="card start-widget" aria-labelledby="me-next">
        <div className="card-content">
          <h2 id="me-next" className="h3">{t('start.heading')}</h2>
          {at ? (
            <p data-testid="me-next-appointment">
              {t('start.at', { date: at.toLocaleDateString(locale, { weekday: 'long', day: 'numeric', month: 'long' }), time: at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' }) })}
              {data.nextAppointment?.place && <><br />{t('start.place', { place: data.nextAppointment.place })}</>}
            </p>
          ) : <p>{t('start.none')}</p>}
        </div>
      </section>
      <section className="card start-widget" aria-labelledby="me-contact">
        <div className="card-content">
          <h2 id="me-contact" className="h3">{t('start.contact')}</h2>
          {c ? (
            <>
              <p>{c.name}</p>
              {c.phone && <p><a className="button button-primary" href={`tel:${c.phone.replace(/\s/g, '')}`}>{t('start.call', { name: c.name.split(' ')[0] })}</a></p>}
              <p><a className="tap-target" href={`mailto:${c.email}`}>{t('start.mail', { name: c.name.split(' ')[0] })}</a></p>
            </>
          ) : <p>{t('start.noContact')}</p>}
        </div>
      </section>
      <section className="card start-widget" aria-labelledby="me-plan">
        <div className="card-content">
          <h2 id="me-plan" className="h3">{t('start.plan')}</h2>
          {data.plan ? (
            <>
              {data.plan.summary && <p>{data.plan.summary}</p>}
              <ul>{data.plan.goals.map((g, i) => <li key={i}>{g.title} ({t(`plan.status.${g.status}`)})</li>)}</ul>
              <p><Link className="tap-target" to="/me/plan">{t('start.seePlan')}</Link></p>
            </>
          ) : <p>{t('start.noPlan')}</p>}
        </div>
      </section>
    </div>
  );
}
