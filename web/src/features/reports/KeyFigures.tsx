import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useApiGet } from '../../components/useApi.ts';
import { Alert } from '../../components/Alert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { formatFigure, formatShare, formatNumber } from './format.ts';
import type { GoalResult, KeyFigure, KeyFiguresView } from './types.ts';
import { SUPPRESSED } from './types.ts';

export function KeyFigureList({ figures }: { figures: KeyFigure[] }) {
  const { t } = useTranslation('reports');
  return (
    <dl className="key-figures report-key-figures">
      {figures.map((k) => (
        <div key={k.key}>
          <dt>{k.label}</dt>
          <dd data-testid={`figure-${k.key}`}>{formatFigure(k, (count, n) => t('days', { count, n }))}{k.suppressed && <span className="sr-only"> {t('suppressedCell')}</span>}</dd>
        </div>
      ))}
    </dl>
  );
}

function goalText(g: GoalResult, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (g.numerator === null) return `${SUPPRESSED} ${t('suppressedCell')}`;
  if (g.kind === 'count') return t('goals.countResult', { n: formatNumber(g.numerator, 0), target: formatNumber(g.target, 0) });
  if (g.actual === null) return t('goals.nobody');
  return t(g.rounded ? 'goals.shareRounded' : 'goals.shareResult', { share: formatShare(g.actual), n: g.numerator, d: g.denominator });
}

/** Each goal with a progress bar (a <meter> with its text alternative) and the numbers behind it. */
export function GoalList({ goals }: { goals: GoalResult[] }) {
  const { t } = useTranslation('reports');
  if (!goals.length) return <p>{t('goals.none')}</p>;
  return (
    <ul className="nobullet-list report-goals">
      {goals.map((g) => (
        <li key={g.id}>
          <p className="report-goal-title"><strong>{g.title}</strong></p>
          <GoalProgress g={g} />
        </li>
      ))}
    </ul>
  );
}

/** Actual against target: a <meter> with its text alternative, and "30 % (17 af 56) · mål 25 % · Nået". */
export function GoalProgress({ g }: { g: GoalResult }) {
  const { t } = useTranslation('reports');
  const target = g.kind === 'share' ? formatShare(g.target) : formatNumber(g.target, 0);
  const value = g.kind === 'share' ? (g.actual ?? 0) : (g.numerator ?? 0);
  const max = g.kind === 'share' ? 1 : Math.max(g.target, g.numerator ?? 0);
  return (
    <>
      <meter min={0} max={max} value={g.numerator === null ? 0 : value} aria-label={`${g.title}: ${goalText(g, t)}`} />
      <p>
        {goalText(g, t)} · {t('goals.target', { target })}
        {g.numerator !== null && <> · {g.met ? <strong>{t('goals.met')}</strong> : t('goals.notMet')}</>}
      </p>
    </>
  );
}

/** The steering group's start page: key figures and goals for this year so far (suppressed). */
export function KeyFiguresWidget() {
  const { t } = useTranslation('reports');
  const result = useApiGet<KeyFiguresView>('/api/reports/key-figures');
  return (
    <section className="card start-widget" aria-labelledby="report-widget-heading">
      <div className="card-content">
        <h2 id="report-widget-heading" className="h3">{t('widget.heading')}</h2>
        {result.state === 'loading' && <Spinner />}
        {result.state === 'error' && <Alert variant="error" headingLevel={3}>{result.error.message}</Alert>}
        {result.state === 'done' && (
          <>
            <p className="form-hint">{t('widget.period', { from: result.data.period.from, to: result.data.period.to })}</p>
            <KeyFigureList figures={result.data.keyFigures.slice(0, 6)} />
            <GoalList goals={result.data.goals} />
            <p><Link to="/reports">{t('widget.more')}</Link></p>
          </>
        )}
      </div>
    </section>
  );
}
