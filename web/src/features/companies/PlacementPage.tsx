import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Static } from '@sinclair/typebox';
import type { PlacementDetail, Stability } from '../../../../src/placements/schemas.ts';
import { api } from '../../api/client.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Field } from '../../components/Field.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Checkboxes, formatDate, Select, useLoad, useSubmit, weekNumber } from './ui.tsx';
import { StoryForm } from './StoryForm.tsx';

type Detail = Static<typeof PlacementDetail>;

export function PlacementPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation('companies');
  const { data, error, reload } = useLoad<Detail>(`/api/placements/${id}`);
  if (error) return <Alert variant="error">{error.message}</Alert>;
  if (!data) return <Spinner />;
  return (
    <>
      <PageTitle subtitle={`${t(`kinds.${data.kind}`)} · ${t(`status.${data.status}`)}`}>{t('placement.title', { name: data.youngPersonName, company: data.companyName })}</PageTitle>
      <p><Link to={`/youth/${data.youngPersonId}`}>{data.youngPersonName}</Link> · <Link to={`/companies/${data.companyId}`}>{data.companyName}</Link> · {data.openingTitle}</p>
      <dl>
        <dt>{t('placement.period')}</dt>
        <dd>{formatDate(data.startDate, i18n.language)} – {data.endDate ? formatDate(data.endDate, i18n.language) : ''}{data.endReason ? ` (${t(`endReason.${data.endReason}`)})` : ''}</dd>
        {data.mentor && <><dt>{t('placement.mentor')}</dt><dd>{data.mentor.name}{data.mentor.phone ? `, ${data.mentor.phone}` : ''}</dd></>}
        <dt>{t('placement.schedule')}</dt>
        <dd>
          <ul className="nobullet-list">
            {data.schedule.map((s) => <li key={s.validFrom}>{t('placement.scheduleStep', { from: formatDate(s.validFrom, i18n.language), days: s.weekdays.length, hours: s.hoursPerDay })}</li>)}
          </ul>
        </dd>
      </dl>
      {data.status !== 'ended' && <StatusButtons id={data.id} status={data.status} onSaved={reload} />}
      <StabilitySection stability={data.stability} />
      {data.status !== 'ended' && <StepUpForm id={data.id} startDate={data.startDate} onSaved={reload} />}
      {data.status !== 'ended' && <EndForm id={data.id} startDate={data.startDate} onSaved={reload} />}
      <StoryForm placementId={data.id} name={data.youngPersonName} />
    </>
  );
}

/**
 * Pause and resume (a paused placement keeps its place on the opening), and
 * start a planned one. PATCH /api/placements/:id with the new status.
 */
function StatusButtons({ id, status, onSaved }: { id: string; status: Detail['status']; onSaved: () => void }) {
  const { t } = useTranslation('companies');
  const s = useSubmit();
  const [changed, setChanged] = useState<string | null>(null);
  const set = async (next: 'active' | 'paused') => {
    setChanged(null);
    if (await s.run(() => api.patch(`/api/placements/${id}`, { status: next }))) {
      setChanged(t(`placement.${next === 'paused' ? 'pausedNow' : 'activeNow'}`));
      onSaved();
    }
  };
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">{t('placement.statusHeading')}</h2>
      <p>{t('placement.statusNow', { status: t(`status.${status}`) })}</p>
      <div role="status" aria-live="polite">{changed && <Alert variant="success" headingLevel={3}>{changed}</Alert>}</div>
      {s.error && <Alert variant="error" headingLevel={3}>{s.error.message}</Alert>}
      {status === 'active' && <button type="button" className="button button-secondary" disabled={s.busy} onClick={() => void set('paused')}>{t('placement.pause')}</button>}
      {status === 'paused' && <button type="button" className="button button-primary" disabled={s.busy} onClick={() => void set('active')}>{t('placement.resume')}</button>}
      {status === 'planned' && <button type="button" className="button button-primary" disabled={s.busy} onClick={() => void set('active')}>{t('placement.start')}</button>}
      {status === 'paused' && <p className="form-hint">{t('placement.pausedHint')}</p>}
    </section>
  );
}

/** The trend as a small line (SVG, described in text) and the weeks as a table. */
export function StabilitySection({ stability }: { stability: Stability }) {
  const { t } = useTranslation('companies');
  const points = stability.weeks.filter((w) => w.share !== null);
  const w = 240, h = 60;
  const path = points.map((p, i) => `${points.length === 1 ? w / 2 : (i / (points.length - 1)) * w},${h - (p.share ?? 0) * h}`).join(' ');
  return (
    <section aria-labelledby="stability-heading">
      <h2 id="stability-heading">{t('placement.stability')}</h2>
      <p>{t('placement.stabilityIntro')}</p>
      {stability.falling && <Alert variant="warning" heading={t('placement.falling')}>{stability.reason}</Alert>}
      {stability.weeks.length === 0 ? <p>{t('placement.noWeeks')}</p> : (
        <>
          {points.length > 1 && (
            <svg className="stability-trend" viewBox={`-4 -4 ${w + 8} ${h + 8}`} width={w + 8} height={h + 8} role="img"
              aria-label={t('placement.trendLabel', { values: points.map((p) => `${Math.round((p.share ?? 0) * 100)} %`).join(', ') })}>
              <line x1="0" y1={h} x2={w} y2={h} stroke="#747474" strokeWidth="1" />
              <polyline points={path} fill="none" stroke={stability.falling ? '#b51d09' : '#00623a'} strokeWidth="2" />
            </svg>
          )}
          <div className="table--responsive-scroll" tabIndex={0} role="region" aria-labelledby="stability-heading">
            <table className="table table--compact" data-testid="stability-table">
              <thead><tr><th scope="col">{t('placement.week')}</th><th scope="col">{t('placement.planned')}</th><th scope="col">{t('placement.met')}</th><th scope="col">{t('placement.unregistered')}</th><th scope="col">{t('placement.share')}</th></tr></thead>
              <tbody>
                {stability.weeks.map((wk) => (
                  <tr key={wk.week}><th scope="row">{t('placement.weekLabel', { week: weekNumber(wk.week) })}</th><td>{wk.planned}</td><td>{wk.met}</td><td>{wk.unregistered}</td><td>{wk.share === null ? '–' : `${Math.round(wk.share * 100)} %`}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function EndForm({ id, startDate, onSaved }: { id: string; startDate: string; onSaved: () => void }) {
  const { t } = useTranslation('companies');
  const [f, setF] = useState({ endDate: new Date().toISOString().slice(0, 10), endReason: 'ended_as_planned', breakdownCause: 'match' });
  const s = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { endDate: f.endDate, endReason: f.endReason, ...(f.endReason === 'breakdown' ? { breakdownCause: f.breakdownCause } : {}) };
    if (await s.run(() => api.post(`/api/placements/${id}/end`, body))) onSaved();
  };
  return (
    <details className="details">
      <summary className="details-summary">{t('placement.end')}</summary>
      <form onSubmit={submit} noValidate className="details-text">
        {s.error && <Alert variant="error">{s.error.message}</Alert>}
        <Field id="end-date" type="date" min={startDate} label={t('placement.endDate')} value={f.endDate} onChange={(e) => setF({ ...f, endDate: e.target.value })} />
        <Select id="end-reason" label={t('placement.endReason')} value={f.endReason} onChange={(e) => setF({ ...f, endReason: e.target.value })}
          options={(['hired', 'education', 'ended_as_planned', 'breakdown'] as const).map((r) => ({ value: r, label: t(`endReason.${r}`) }))} />
        {f.endReason === 'breakdown' && (
          <Select id="end-cause" label={t('placement.breakdownCause')} value={f.breakdownCause} onChange={(e) => setF({ ...f, breakdownCause: e.target.value })}
            options={(['match', 'expectations', 'follow_up', 'health', 'other'] as const).map((r) => ({ value: r, label: t(`cause.${r}`) }))} />
        )}
        <button type="submit" className="button button-secondary" disabled={s.busy}>{t('placement.endSubmit')}</button>
      </form>
    </details>
  );
}

/** Steps hours up (or down) from a date: earlier weeks keep their schedule. */
function StepUpForm({ id, startDate, onSaved }: { id: string; startDate: string; onSaved: () => void }) {
  const { t } = useTranslation('companies');
  const [f, setF] = useState({ validFrom: new Date().toISOString().slice(0, 10), weekdays: ['1'], hoursPerDay: '4' });
  const s = useSubmit();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { validFrom: f.validFrom, weekdays: f.weekdays.map(Number).sort(), hoursPerDay: Number(f.hoursPerDay) };
    if (await s.run(() => api.post(`/api/placements/${id}/schedule`, body))) onSaved();
  };
  return (
    <details className="details">
      <summary className="details-summary">{t('placement.stepUp')}</summary>
      <form onSubmit={submit} noValidate className="details-text">
        {s.error && <Alert variant="error">{s.error.message}</Alert>}
        <Field id="step-from" type="date" min={startDate} label={t('placement.validFrom')} value={f.validFrom} onChange={(e) => setF({ ...f, validFrom: e.target.value })} />
        <Checkboxes id="step-weekdays" legend={t('placement.weekdays')} value={f.weekdays} onChange={(weekdays) => setF({ ...f, weekdays })}
          options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: t(`weekday.${d}`) }))} />
        <Field id="step-hours" type="number" min={1} max={24} step={0.5} label={t('placement.hoursPerDay')} value={f.hoursPerDay} onChange={(e) => setF({ ...f, hoursPerDay: e.target.value })} />
        <button type="submit" className="button button-secondary" disabled={s.busy || f.weekdays.length === 0}>{t('placement.saveStep')}</button>
      </form>
    </details>
  );
}
