import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { OccurrenceView, RosterView } from '../../../../src/activities/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, todayLocal, useLoad, useSubmit } from '../lifeline/hooks.ts';

type Occurrence = Static<typeof OccurrenceView>;
type Roster = Static<typeof RosterView>;

/**
 * Attendance on a phone: pick the meeting (today's or the latest one is chosen),
 * then one tap per young person: "Mødt" or "Ikke mødt". Each tap is saved at once.
 */
export function AttendancePage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation('activities');
  const from = useMemo(() => { const d = new Date(); d.setDate(d.getDate() - 21); return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(d); }, []);
  const occ = useLoad<Occurrence[]>(`/api/activities/${id}/occurrences`, { from, days: 22 });
  const past = (occ.data ?? []).filter((o) => !o.cancelled && new Date(o.startsAt).getTime() - Date.now() < 3_600_000).reverse();
  const [chosen, setChosen] = useState<string | null>(null);
  const current = past.find((o) => o.startsAt === chosen) ?? past[0];
  const label = (o: Occurrence) => `${formatDate(o.date, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' })} ${o.start}`;
  return (
    <>
      <p><Link to="/activities">{t('attendance.back')}</Link></p>
      {occ.error && <Alert variant="error">{occ.error.message}</Alert>}
      {!occ.data && !occ.error && <Spinner />}
      {occ.data && past.length === 0 && <p>{t('attendance.noMeetings')}</p>}
      {current && (
        <>
          <div className="form-group">
            <label className="form-label" htmlFor="attendance-meeting">{t('attendance.meeting')}</label>
            <select id="attendance-meeting" className="form-select" value={current.startsAt} onChange={(e) => setChosen(e.target.value)}>
              {past.map((o) => <option key={o.startsAt} value={o.startsAt}>{label(o)}{o.date === todayLocal() ? ` (${t('attendance.today')})` : ''}</option>)}
            </select>
          </div>
          <RosterList activityId={id!} date={current.date} start={current.start} />
        </>
      )}
    </>
  );
}

function RosterList({ activityId, date, start }: { activityId: string; date: string; start: string }) {
  const { t } = useTranslation('activities');
  const { data, error } = useLoad<Roster>(`/api/activities/${activityId}/roster`, { date, start });
  const [marks, setMarks] = useState<Record<string, boolean | null>>({});
  const submit = useSubmit();
  const present = (ypId: string, fallback: boolean | null) => (ypId in marks ? marks[ypId] : fallback);
  const mark = async (ypId: string, value: boolean) => {
    setMarks((m) => ({ ...m, [ypId]: value }));
    const res = await submit.run(() => api.put<Roster>(`/api/activities/${activityId}/attendance`, { date, start, marks: [{ youngPersonId: ypId, present: value }] }));
    if (!res) setMarks((m) => { const { [ypId]: _dropped, ...rest } = m; return rest; });
  };
  if (error) return <Alert variant="error">{error.message}</Alert>;
  if (!data) return <Spinner />;
  const count = data.people.filter((p) => present(p.youngPersonId, p.present) === true).length;
  return (
    <>
      <PageTitle>{t('attendance.title', { name: data.activityName })}</PageTitle>
      <p aria-live="polite" data-testid="attendance-count">{t('attendance.count', { count, total: data.people.length })}</p>
      {submit.error && <Alert variant="error">{submit.error.message}</Alert>}
      {data.people.length === 0 && <p>{t('attendance.nobody')}</p>}
      <ul className="nobullet-list attendance-list">
        {data.people.map((p) => {
          const v = present(p.youngPersonId, p.present);
          return (
            <li key={p.youngPersonId} className="attendance-row" data-testid="attendance-row">
              <span className="attendance-name">{p.firstName}</span>
              <span className="attendance-buttons" role="group" aria-label={p.firstName}>
                <button type="button" className={`button ${v === true ? 'button-primary' : 'button-secondary'}`} aria-pressed={v === true} aria-label={`${t('attendance.present')}: ${p.firstName}`} onClick={() => void mark(p.youngPersonId, true)}>
                  {t('attendance.present')}
                </button>
                <button type="button" className={`button ${v === false ? 'button-primary' : 'button-secondary'}`} aria-pressed={v === false} aria-label={`${t('attendance.absent')}: ${p.firstName}`} onClick={() => void mark(p.youngPersonId, false)}>
                  {t('attendance.absent')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
