import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Static } from '@sinclair/typebox';
import type { ReportCounsellors } from '../../../../src/reports/schemas.ts';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { useApiGet } from '../../components/useApi.ts';
import { useSession } from '../../app/session.tsx';
import { BarChart, LineChart } from './Charts.tsx';
import { ReportTableView } from './ReportTableView.tsx';
import { KeyFigureList, GoalList } from './KeyFigures.tsx';
import type { ReportBundle, ReportTable } from './types.ts';

const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });

/** The status date of a suppressed view: the last day of the last whole month (the server's rule, periods.ts). */
function lastMonthEnd(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const monthEnd = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return d === Number(monthEnd.slice(8)) ? day : new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
}

/** Calendar years whose end lies on or before the status date, newest first (the steering group's periods). */
function completedYears(asOf: string): number[] {
  const last = Number(asOf.slice(0, 4)) - (asOf.slice(5) === '12-31' ? 0 : 1);
  return Array.from({ length: 10 }, (_, i) => last - i);
}

/** A suppressed view shows one whole, completed calendar year and no narrowing filters (issue #22). */
function suppressedFilters(year: number, view: string): Filters {
  return { from: `${year}-01-01`, to: `${year}-12-31`, asOf: lastMonthEnd(today()), counsellorId: '', ageBand: '', readiness: '', view };
}

interface Filters {
  from: string;
  to: string;
  asOf: string;
  counsellorId: string;
  ageBand: string;
  readiness: string;
  view: string;
}

const READINESS = ['obviously_ready', 'ready', 'activity_ready', 'not_ready', 'unknown'] as const;
const AGE_BANDS = ['15-17', '18-24', '25-29'] as const;

function query(f: Filters) {
  return {
    from: f.from, to: f.to, asOf: f.asOf, counsellorId: f.counsellorId || undefined,
    ageBand: f.ageBand || undefined, readiness: f.readiness || undefined, view: f.view || undefined,
  };
}

function exportUrl(f: Filters, format: string, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query(f), format, ...extra })) if (v) params.set(k, v);
  return `/api/reports/export?${params.toString()}`;
}

const table = (b: ReportBundle, id: string): ReportTable | undefined => b.tables.find((t) => t.id === id);

export function ReportsPage() {
  const { t } = useTranslation('reports');
  const session = useSession();
  const team = session.role === 'counsellor' || session.role === 'admin';
  const years = completedYears(lastMonthEnd(today()));
  const initial: Filters = team
    ? { from: `${today().slice(0, 4)}-01-01`, to: today(), asOf: today(), counsellorId: '', ageBand: '', readiness: '', view: '' }
    : suppressedFilters(years[0], '');
  const [draft, setDraft] = useState<Filters>(initial);
  const [filters, setFilters] = useState<Filters>(initial);
  const result = useApiGet<ReportBundle>('/api/reports', query(filters));
  const counsellors = useApiGet<Static<typeof ReportCounsellors>>('/api/reports/counsellors');
  const set = (k: keyof Filters) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const suppressedView = !team || draft.view === 'suppressed';
  const chooseView = (e: { target: { value: string } }) => setDraft(e.target.value === 'suppressed'
    ? suppressedFilters(Number(draft.from.slice(0, 4)) <= years[0] ? Number(draft.from.slice(0, 4)) : years[0], 'suppressed')
    : { ...draft, view: '' });
  const submit = (e: FormEvent) => { e.preventDefault(); setFilters(draft); };

  return (
    <>
      <PageTitle subtitle={t('intro')}>{t('title')}</PageTitle>
      <form className="report-filters" onSubmit={submit} aria-label={t('filters.label')}>
        {suppressedView ? (
          <div className="form-group">
            <label className="form-label" htmlFor="r-year">{t('filters.year')}</label>
            <span className="form-hint" id="r-year-hint">{t('filters.yearHint', { asOf: draft.asOf })}</span>
            <select className="form-select" id="r-year" aria-describedby="r-year-hint" value={draft.from.slice(0, 4)} onChange={(e) => setDraft(suppressedFilters(Number(e.target.value), draft.view))}>
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </div>
        ) : (
          <>
            <div className="form-group">
              <label className="form-label" htmlFor="r-from">{t('filters.from')}</label>
              <input className="form-input" id="r-from" type="date" value={draft.from} onChange={set('from')} required />
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="r-to">{t('filters.to')}</label>
              <input className="form-input" id="r-to" type="date" value={draft.to} onChange={set('to')} required />
            </div>
            <div className="form-group">
              <label className="form-label" htmlFor="r-asof">{t('filters.asOf')}</label>
              <input className="form-input" id="r-asof" type="date" value={draft.asOf} onChange={set('asOf')} required />
            </div>
          </>
        )}
        {!suppressedView && (<>
        <div className="form-group">
          <label className="form-label" htmlFor="r-counsellor">{t('filters.counsellor')}</label>
          <select className="form-select" id="r-counsellor" value={draft.counsellorId} onChange={set('counsellorId')}>
            <option value="">{t('filters.all')}</option>
            {counsellors.state === 'done' && counsellors.data.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="r-age">{t('filters.ageBand')}</label>
          <select className="form-select" id="r-age" value={draft.ageBand} onChange={set('ageBand')}>
            <option value="">{t('filters.all')}</option>
            {AGE_BANDS.map((a) => <option key={a} value={a}>{t('filters.years', { band: a })}</option>)}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="r-readiness">{t('filters.readiness')}</label>
          <select className="form-select" id="r-readiness" value={draft.readiness} onChange={set('readiness')}>
            <option value="">{t('filters.all')}</option>
            {READINESS.map((r) => <option key={r} value={r}>{t(`readiness.${r}`)}</option>)}
          </select>
        </div>
        </>)}
        {team && (
          <div className="form-group">
            <label className="form-label" htmlFor="r-view">{t('filters.view')}</label>
            <select className="form-select" id="r-view" value={draft.view} onChange={chooseView}>
              <option value="">{t('filters.viewTeam')}</option>
              <option value="suppressed">{t('filters.viewSuppressed')}</option>
            </select>
          </div>
        )}
        <div className="form-group report-filters-submit">
          <button type="submit" className="button button-primary">{t('filters.apply')}</button>
        </div>
      </form>

      {result.state === 'loading' && <Spinner />}
      {result.state === 'error' && <Alert variant="error">{result.error.message}</Alert>}
      {result.state === 'done' && <ReportBody b={result.data} filters={filters} team={team} />}
    </>
  );
}

function ReportBody({ b, filters, team }: { b: ReportBundle; filters: Filters; team: boolean }) {
  const { t } = useTranslation('reports');
  const outcomes = table(b, 'outcomes');
  const funnel = table(b, 'funnel');
  const cohorts = b.tables.filter((x) => x.id.startsWith('cohort_'));
  const rest = b.tables.filter((x) => x.id !== 'outcomes' && x.id !== 'funnel' && x.id !== 'goals' && !x.id.startsWith('cohort_'));
  const bars = (tb: ReportTable, keep: (r: ReportTable['rows'][number]) => boolean) =>
    tb.rows.filter(keep).map((r) => ({ label: String(r.cells[0]), value: typeof r.cells[1] === 'number' ? r.cells[1] : null, hidden: !!r.suppressed?.[1] }));
  const describe = (items: { label: string; value: number | null; hidden?: boolean }[]) =>
    items.map((i) => `${i.label}: ${i.hidden ? t('suppressedCell') : i.value ?? '–'}`).join('; ');
  const outcomeBars = outcomes ? bars(outcomes, (r) => r.key !== 'total' && !r.level && r.cells[1] !== 0) : [];
  const funnelBars = funnel ? bars(funnel, () => true) : [];
  const months = b.monthlyStarts.map((m) => ({ label: m.month.slice(2).replace('-', '/'), value: m.count }));
  return (
    <>
      <p className={b.view === 'team' ? 'report-view' : 'report-view report-view-suppressed'}>
        {b.view === 'team' ? t('view.team') : t('view.suppressed', { threshold: b.threshold })}
      </p>
      <section aria-labelledby="r-downloads" className="report-downloads">
        <h2 id="r-downloads" className="h3">{t('download.heading')}</h2>
        <ul className="nobullet-list">
          <li><a className="button button-secondary" href={exportUrl(filters, 'pdf')} download>{t('download.pdf')}</a></li>
          <li><a className="button button-secondary" href={exportUrl(filters, 'xlsx')} download>{t('download.xlsx')}</a></li>
          <li><a className="button button-secondary" href={exportUrl(filters, 'csv', { separator: 'semicolon' })} download>{t('download.csv')}</a></li>
        </ul>
      </section>

      <h2>{t('keyFigures')}</h2>
      <KeyFigureList figures={b.keyFigures} />

      {outcomes && (
        <section aria-labelledby="r-outcomes">
          <h2 id="r-outcomes">{outcomes.title}</h2>
          <BarChart title={t('charts.outcomes')} desc={describe(outcomeBars)} bars={outcomeBars} />
          <ReportTableView table={outcomes} />
        </section>
      )}
      {funnel && (
        <section aria-labelledby="r-funnel">
          <h2 id="r-funnel">{funnel.title}</h2>
          <BarChart title={funnel.title} desc={describe(funnelBars)} bars={funnelBars} funnel />
          <ReportTableView table={funnel} />
        </section>
      )}
      <section aria-labelledby="r-monthly">
        <h2 id="r-monthly">{t('charts.monthly')}</h2>
        <LineChart title={t('charts.monthly')} desc={describe(months)} points={months} />
        <details className="report-alt">
          <summary>{t('charts.asTable')}</summary>
          <ReportTableView table={{
            id: 'monthly', title: t('charts.monthly'),
            columns: [{ key: 'm', label: t('charts.month'), kind: 'text' }, { key: 'n', label: t('charts.count'), kind: 'count' }],
            rows: b.monthlyStarts.map((m) => ({ key: m.month, cells: [m.month, m.count], suppressed: [false, m.count === null] })),
          }} />
        </details>
      </section>
      <section aria-labelledby="r-goals">
        <h2 id="r-goals">{t('goals.heading')}</h2>
        <GoalList goals={b.goals} />
        {team && <p><Link to="/reports/goals">{t('goals.edit')}</Link></p>}
      </section>
      {cohorts.length > 0 && (
        <section aria-labelledby="r-cohorts">
          <h2 id="r-cohorts">{t('cohorts.heading')}</h2>
          <p>{t('cohorts.intro')}</p>
          {cohorts.map((tb, i) => (
            <details key={tb.id} className="report-cohort" open={i === 0}>
              <summary>{tb.title}</summary>
              <ReportTableView table={tb} />
            </details>
          ))}
        </section>
      )}
      {rest.map((tb) => (
        <section key={tb.id} aria-label={tb.title}>
          <ReportTableView table={tb} />
        </section>
      ))}
      {b.missing.length > 0 && <Alert variant="warning" heading={t('missing')}><ul>{b.missing.map((m) => <li key={m}>{m}</li>)}</ul></Alert>}
    </>
  );
}
