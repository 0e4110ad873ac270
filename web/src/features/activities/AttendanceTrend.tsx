import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { TrendView } from '../../../../src/activities/schemas.ts';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { LineChart } from '../reports/Charts.tsx';
import { formatDate, useLoad } from '../lifeline/hooks.ts';
import { FeedLink, type Feed } from './FeedLink.tsx';

type Trend = Static<typeof TrendView>;

/** ISO week number of a YYYY-MM-DD date (Danish calendars count weeks this way). */
export function isoWeek(date: string): number {
  const d = new Date(`${date}T12:00:00Z`);
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  return Math.ceil(((d.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
}

const share = (w: { held: number; attended: number }) => (w.held ? Math.round((w.attended / w.held) * 100) : null);

/**
 * A young person's attendance per week for each activity they signed up for, as a
 * line (share of the week's meetings attended) with the same numbers in a table.
 */
export function AttendanceTrend({ youngPersonId, firstName }: { youngPersonId: string; firstName: string }) {
  const { t } = useTranslation('activities');
  const { data, error } = useLoad<Trend[]>(`/api/activities/attendance/young-people/${youngPersonId}`);
  return (
    <section id="attendance" aria-labelledby="attendance-h" data-testid="attendance-trend">
      <h2 id="attendance-h">{t('trend.heading')}</h2>
      {error && <Alert variant="error">{error.message}</Alert>}
      {!data && !error && <Spinner />}
      {data?.length === 0 && <p>{t('trend.none', { name: firstName })}</p>}
      {data?.map((a) => <ActivityTrend key={a.activityId} a={a} />)}
      <YoungPersonFeed youngPersonId={youngPersonId} firstName={firstName} />
    </section>
  );
}

/** The counsellor makes a calendar link for the young person's phone (appointments, placement days, activities). */
function YoungPersonFeed({ youngPersonId, firstName }: { youngPersonId: string; firstName: string }) {
  const { t } = useTranslation('activities');
  const feeds = useLoad<Feed[]>('/api/calendar-feeds');
  return (
    <div className="mb-5">
      <h3 className="h4">{t('feed.ypHeading', { name: firstName })}</h3>
      <p>{t('feed.ypIntro', { name: firstName })}</p>
      <FeedLink kind="young_person" subjectId={youngPersonId} name={firstName} feeds={feeds.data} onChange={feeds.reload} makeLabel={t('feed.ypMake', { name: firstName })} />
    </div>
  );
}

function ActivityTrend({ a }: { a: Trend }) {
  const { t, i18n } = useTranslation('activities');
  const points = a.trend.map((w) => ({ label: t('trend.week', { week: isoWeek(w.from) }), value: share(w) }));
  const title = t('trend.chartTitle', { activity: a.activityName });
  const desc = points.length
    ? t('trend.desc', { weeks: points.length, attended: a.attended, held: a.held, list: points.map((p) => `${p.label}: ${p.value ?? '–'} %`).join(', ') })
    : t('trend.noMeetings');
  const headingId = `trend-${a.activityId}`;
  return (
    <div className="mb-5">
      <h3 id={headingId} className="h4">{a.activityName}</h3>
      <p>
        {t('trend.summary', { attended: a.attended, held: a.held })}
        {a.lastAttended && <> {t('trend.last', { date: formatDate(a.lastAttended, i18n.language) })}</>}
      </p>
      {a.slippingAway && <Alert variant="warning" headingLevel={3}>{t('trend.slipping')}</Alert>}
      {points.length > 1 && <LineChart title={title} desc={desc} points={points} max={100} />}
      {a.trend.length > 0 && (
        // The same numbers as the line; folded away below a chart, open when there is no chart.
        <details className="report-alt" open={points.length <= 1}>
          <summary>{t('trend.asTable')}<span className="sr-only">: {a.activityName}</span></summary>
          <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby={headingId}>
            <table className="table table--compact">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr><th scope="col">{t('trend.weekCol')}</th><th scope="col">{t('trend.heldCol')}</th><th scope="col">{t('trend.attendedCol')}</th><th scope="col">{t('trend.shareCol')}</th></tr>
              </thead>
              <tbody>
                {a.trend.map((w) => (
                  <tr key={w.from}>
                    <th scope="row">{t('trend.week', { week: isoWeek(w.from) })} <span className="form-hint">({formatDate(w.from, i18n.language, { day: 'numeric', month: 'short' })})</span></th>
                    <td>{w.held}</td><td>{w.attended}</td><td>{share(w) === null ? '–' : `${share(w)} %`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}
