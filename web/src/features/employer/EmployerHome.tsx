import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, useLoad, useSubmit, weekdayName } from '../companies/ui.tsx';
import { attendanceDays } from '../../../../src/placements/dates.ts';
import { plannedOn, STATUSES, type EmployerHome as Home, type EmployerPlacement } from './types.ts';
import { PendingInvitations } from '../companies/PendingInvitations.tsx';
import { SharedStories } from '../companies/SharedStories.tsx';
import './employer.css';

/**
 * The company contact's phone page: one card per young person with the four
 * answers as buttons. One tap registers; "Alle mødt" registers everyone due.
 */
export function EmployerHome() {
  const { t, i18n } = useTranslation('employer');
  const home = useLoad<Home>('/api/employer');
  const list = useLoad<EmployerPlacement[]>('/api/employer/placements');
  const [chosenDay, setDay] = useState<string | null>(null);
  const [saved, setSaved] = useState('');
  // What was just registered shows at once, before the list has reloaded.
  const [just, setJust] = useState<Record<string, string>>({});
  const s = useSubmit();
  if (home.error) return <Alert variant="error">{home.error.message}</Alert>;
  if (!home.data || !list.data) return <Spinner />;
  const today = home.data.today;
  const day = chosenDay ?? today;
  // Exactly the days the server accepts (one rule: src/placements/dates.ts).
  const days = attendanceDays(today);
  const current = list.data.filter((p) => p.status === 'active' || p.status === 'paused');
  const statusOf = (p: EmployerPlacement) => just[`${p.id}:${day}`] ?? p.attendance.find((a) => a.day === day)?.status;
  const name = (p: EmployerPlacement) => String(p.youngPerson.firstName ?? '');
  const register = async (entries: { placementId: string; status: string }[], message: string) => {
    setSaved('');
    if (await s.run(() => api.post('/api/employer/attendance', { day, entries }))) {
      setJust((prev) => ({ ...prev, ...Object.fromEntries(entries.map((e) => [`${e.placementId}:${day}`, e.status])) }));
      setSaved(message);
      list.reload();
    }
  };
  const due = current.filter((p) => plannedOn(p, day) && !statusOf(p));
  return (
    <>
      <PageTitle subtitle={home.data.company.name}>{t('home.title')}</PageTitle>
      <PendingInvitations ns="employer" to="/employer/events" />
      <div className="form-group">
        <label className="form-label" htmlFor="attendance-day">{t('home.day')}</label>
        <select id="attendance-day" className="form-select" value={day} onChange={(e) => setDay(e.target.value)}>
          {days.map((d) => <option key={d} value={d}>{d === today ? `${t('home.today')} (${weekdayName(d, i18n.language)})` : weekdayName(d, i18n.language)}</option>)}
        </select>
      </div>
      <div aria-live="polite" role="status" className="attendance-status">{saved && <Alert variant="success">{saved}</Alert>}</div>
      {s.error && <Alert variant="error">{s.error.message}</Alert>}
      {current.length === 0 && <p>{t('home.none')}</p>}
      {due.length > 1 && (
        <p>
          <button type="button" className="button button-primary" disabled={s.busy} aria-describedby="all-present-hint"
            onClick={() => void register(due.map((p) => ({ placementId: p.id, status: 'present' })), t('home.savedAll', { count: due.length }))}>
            {t('home.allPresent')} ({due.length})
          </button>
          <span id="all-present-hint" className="form-hint">{t('home.allPresentHint')}</span>
        </p>
      )}
      <ul className="nobullet-list attendance-cards" data-testid="attendance-cards">
        {current.map((p) => {
          const st = statusOf(p);
          return (
            <li key={p.id} className="card attendance-card">
              <div className="card-content">
                <h2 className="h3" id={`yp-${p.id}`}>{name(p)}</h2>
                <p className="form-hint">{p.openingTitle} · {plannedOn(p, day) ? '' : `${t('home.notPlanned')} · `}{st ? t(`att.${st}`) : t('home.notRegistered')}</p>
                <div role="group" aria-label={t('home.statusFor', { name: name(p) })} className="attendance-buttons">
                  {STATUSES.map((status) => (
                    <button key={status} type="button" disabled={s.busy} aria-pressed={st === status}
                      className={`button ${st === status ? 'button-primary' : 'button-secondary'}`}
                      onClick={() => void register([{ placementId: p.id, status }], t('home.saved', { name: name(p), status: t(`att.${status}`) }))}>
                      {t(`att.${status}`)}
                    </button>
                  ))}
                </div>
                <p><Link className="button button-secondary attendance-contact" to={`/employer/placements/${p.id}`}>{t('home.concern')}<span className="sr-only">: {name(p)}</span></Link></p>
              </div>
            </li>
          );
        })}
      </ul>
      <PastPlacements />
      <SharedStories />
    </>
  );
}

/** Earlier placements at the company, with only what each young person shares. */
function PastPlacements() {
  const { t, i18n } = useTranslation('employer');
  const { data } = useLoad<EmployerPlacement[]>('/api/employer/placements', { scope: 'past' });
  if (!data || data.length === 0) return null;
  return (
    <section aria-labelledby="past-heading">
      <h2 id="past-heading">{t('home.past')}</h2>
      <ul className="nobullet-list" data-testid="past-placements">
        {data.map((p) => (
          <li key={p.id}>{String(p.youngPerson.firstName ?? '')} – {p.openingTitle} ({formatDate(p.startDate, i18n.language)} – {formatDate(p.endDate, i18n.language)})</li>
        ))}
      </ul>
    </section>
  );
}
