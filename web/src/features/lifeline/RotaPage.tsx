import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { GapView, RotaPerson, ShiftView } from '../../../../src/lifeline/schemas.ts';
import { api } from '../../api/client.ts';
import { Alert } from '../../components/Alert.tsx';
import { Field } from '../../components/Field.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatDate, todayLocal, useLoad, useSubmit } from './hooks.ts';
import { AfterHoursForm } from './AfterHoursForm.tsx';

type Gap = Static<typeof GapView>;
type Shift = Static<typeof ShiftView>;

/** The coordinator's rota: gaps in the coming two weeks, the shifts, and a form to fill a gap. */
export function RotaPage() {
  const { t, i18n } = useTranslation('lifeline');
  const gaps = useLoad<Gap[]>('/api/lifeline/gaps');
  const shifts = useLoad<Shift[]>('/api/lifeline/shifts');
  const people = useLoad<Static<typeof RotaPerson>[]>('/api/lifeline/people');
  const [form, setForm] = useState({ userId: '', date: todayLocal(), start: '16:00', end: '22:00', phone: '' });
  const [saved, setSaved] = useState(false);
  const submit = useSubmit();
  const reload = () => { gaps.reload(); shifts.reload(); };
  const day = (iso: string) => formatDate(iso, i18n.language, { weekday: 'long', day: 'numeric', month: 'long' });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const ok = await submit.run(() => api.post('/api/lifeline/shifts', { userId: form.userId, date: form.date, start: form.start, end: form.end, ...(form.phone ? { phone: form.phone } : {}) }));
    if (ok) { setSaved(true); reload(); }
  }
  const fill = (g: Gap) => { setForm({ ...form, date: g.date, start: g.from, end: g.to }); document.getElementById('shift-person')?.focus(); };

  return (
    <>
      <PageTitle subtitle={t('rota.intro')}>{t('rota.title')}</PageTitle>
      <div className="row">
        <div className="col-12 col-lg-6">
          <h2>{t('rota.gaps')}</h2>
          {!gaps.data && !gaps.error && <Spinner />}
          {gaps.error && <Alert variant="error">{gaps.error.message}</Alert>}
          {gaps.data?.length === 0 && <Alert variant="success">{t('rota.noGaps')}</Alert>}
          {gaps.data && gaps.data.length > 0 && (
            <ul className="nobullet-list" data-testid="gaps">
              {gaps.data.map((g) => (
                <li key={g.startsAt} className="mb-3">
                  <strong>{day(g.date)}</strong> {t('rota.between', { from: g.from, to: g.to })} <span className="form-hint">({t(`dayKind.${g.dayKind}`)})</span>{' '}
                  <button type="button" className="button button-tertiary" onClick={() => fill(g)}>
                    {t('rota.fill')}<span className="sr-only">: {day(g.date)} {g.from}–{g.to}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="col-12 col-lg-6">
          <h2 id="new-shift">{t('rota.add')}</h2>
          {submit.error && <Alert variant="error">{submit.error.message}</Alert>}
          {saved && <Alert variant="success">{t('rota.saved')}</Alert>}
          <form onSubmit={(e) => void onSubmit(e)} aria-labelledby="new-shift" noValidate>
            <div className={`form-group${submit.fieldError('userId') ? ' form-error' : ''}`}>
              <label className="form-label" htmlFor="shift-person">{t('rota.person')}</label>
              <select id="shift-person" className="form-select" required value={form.userId} onChange={(e) => setForm({ ...form, userId: e.target.value })}>
                <option value="">{t('rota.choose')}</option>
                {people.data?.map((p) => <option key={p.userId} value={p.userId}>{p.name} ({t(`kind.${p.kind}`)})</option>)}
              </select>
            </div>
            <Field id="shift-date" type="date" label={t('rota.date')} required value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} error={submit.fieldError('date')} />
            <Field id="shift-start" type="time" label={t('rota.start')} required value={form.start} onChange={(e) => setForm({ ...form, start: e.target.value })} />
            <Field id="shift-end" type="time" label={t('rota.end')} hint={t('rota.endHint')} required value={form.end} onChange={(e) => setForm({ ...form, end: e.target.value })} />
            <Field id="shift-phone" type="tel" label={t('rota.phone')} hint={t('rota.phoneHint')} value={form.phone} onChange={(e) => setForm({ ...form, phone: e.target.value })} error={submit.fieldError('phone')} />
            <button type="submit" className="button button-primary" disabled={submit.busy}>{t('rota.save')}</button>
          </form>
        </div>
      </div>
      <AfterHoursForm />
      <h2 id="shifts-heading">{t('rota.shifts')}</h2>
      {shifts.data && shifts.data.length === 0 && <p>{t('rota.noShifts')}</p>}
      {shifts.data && shifts.data.length > 0 && (
        <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="shifts-heading">
          <table className="table table--compact" data-testid="shifts">
            <thead><tr><th scope="col">{t('rota.date')}</th><th scope="col">{t('rota.time')}</th><th scope="col">{t('rota.person')}</th><th scope="col">{t('rota.phone')}</th><th scope="col"><span className="sr-only">{t('rota.actions')}</span></th></tr></thead>
            <tbody>
              {shifts.data.map((s) => (
                <tr key={s.id}>
                  <td>{day(s.date)}</td><td>{s.start}–{s.end}</td><td>{s.name}</td><td>{s.phone}</td>
                  <td>
                    <button type="button" className="button button-tertiary" onClick={() => void api.delete(`/api/lifeline/shifts/${s.id}`).then(reload)}>
                      {t('rota.delete')}<span className="sr-only">: {s.name} {day(s.date)} {s.start}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
