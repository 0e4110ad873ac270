import type { KeyFigure, ReportBundle, ViewKind } from './bundle.ts';
import { breakdownTable, cohortTable, conversionTable, funnelTable, timeToFirstPlacement, timeToPlacementTable } from './cohorts.ts';
import { evaluateGoal, goalsTable, type CountFacts, type GoalDefinition } from './goals.ts';
import { countOutcomes, outcomeTable } from './outcomes.ts';
import { round5, suppressLinkedCohorts, suppressTable, suppressWithFigures } from './suppress-report.ts';
import { inPeriod } from './dates.ts';
import type { Outcome, PathwayRecord, ReportTable } from './types.ts';

export interface ReportInput {
  partnership: { id: string; name: string };
  period: { from: string; to: string; asOf: string };
  filters?: ReportBundle['filters'];
  records: PathwayRecord[];
  facts: CountFacts;
  /** Count goals counted in the database, by goal id. */
  counted?: Record<string, number>;
  goals: GoalDefinition[];
  /** Tables about the network (companies, mentors, activities) built by the queries. */
  networkTables?: ReportTable[];
  networkFigures?: KeyFigure[];
  missing?: string[];
}

/** Outcomes that count as "in job or education" (a key figure and its rows in the outcome table). */
export const JOB_OR_EDUCATION: readonly Outcome[] = ['ordinary_employment', 'flex_job', 'education'];

/**
 * Key figures that are sums of outcome-table rows. They are suppressed together
 * with the table as extra margins, so that e.g. "I job eller uddannelse" minus
 * the shown education row cannot reveal ordinary + flex job.
 */
const OUTCOME_FIGURES: { key: string; parts: readonly string[] }[] = [
  { key: 'started', parts: ['total'] },
  { key: 'job_or_education', parts: JOB_OR_EDUCATION },
];

function months(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 240; guard++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > end) break;
    out.push(key);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

/** Builds every report for one partnership and period, exact (the team's view). */
export function buildReport(input: ReportInput): ReportBundle {
  const { records, period } = input;
  const counts = countOutcomes(records, period);
  const t = timeToFirstPlacement(records, period);
  const goals = input.goals.map((g) => evaluateGoal(g, records, input.facts, period, input.counted));
  const jobOrEducation = JOB_OR_EDUCATION.reduce((s, k) => s + counts.byOutcome[k], 0);
  const placementsStarted = records.flatMap((p) => p.placements ?? []).filter((pl) => inPeriod(pl.startedAt, period.from, period.to)).length;
  const keyFigures: KeyFigure[] = [
    { key: 'started', label: 'Unge startet i perioden', value: counts.started, kind: 'count' },
    { key: 'job_or_education', label: 'I job eller uddannelse nu', value: jobOrEducation, kind: 'count' },
    { key: 'job_or_education_share', label: 'Andel i job eller uddannelse', value: counts.started ? jobOrEducation / counts.started : null, kind: 'share' },
    { key: 'placements', label: 'Praktikker startet', value: placementsStarted, kind: 'count' },
    { key: 'median_days', label: 'Median dage til første praktik', value: t.medianDays, kind: 'days' },
    ...(input.networkFigures ?? []),
  ];
  // Issue #8: status 3, 6 and 12 months after start and after a mentor match, by readiness and by placement kind.
  const cohorts: ReportTable[] = [];
  for (const anchor of ['start', 'mentor_match'] as const) {
    for (const by of ['readiness', 'placement_kind'] as const) {
      for (const m of [3, 6, 12] as const) cohorts.push(cohortTable(records, { ...period, months: m, anchor, by }));
    }
  }
  const monthlyStarts = months(period.from, period.to).map((month) => ({
    month, count: records.filter((p) => p.startedAt.slice(0, 7) === month).length,
  }));
  return {
    partnership: input.partnership,
    period,
    filters: input.filters ?? {},
    view: 'team',
    threshold: 0,
    keyFigures,
    tables: [
      outcomeTable(records, period),
      funnelTable(records, period),
      timeToPlacementTable(t),
      ...cohorts,
      conversionTable(records, period),
      breakdownTable(records, period),
      goalsTable(goals),
      ...(input.networkTables ?? []),
    ],
    monthlyStarts,
    goals,
    missing: input.missing ?? [],
  };
}

/**
 * The view for someone outside the team: every table suppressed, key figures
 * and monthly counts under the threshold hidden. The team's view is returned
 * unchanged.
 */
export function forView(b: ReportBundle, view: ViewKind, threshold: number): ReportBundle {
  if (view === 'team') return b;
  const small = (v: number | null) => v !== null && v > 0 && v < threshold;
  const figure = (k: KeyFigure): KeyFigure => {
    // Every count, of young people or not (issue #22: one mechanism for every count in a suppressed view).
    if (k.kind === 'count' && small(k.value)) return { ...k, value: null, suppressed: true };
    // A share whose numerator, denominator or their difference is small gives that count away.
    if (k.kind === 'share' && k.of && (small(k.of[0]) || small(k.of[1]) || small(k.of[1] - k.of[0]))) return { ...k, value: null, suppressed: true };
    return k;
  };
  const byKey = new Map(b.keyFigures.map((k) => [k.key, k]));
  // The outcome table and the key figures summing its rows form one suppression problem.
  const figureLines = OUTCOME_FIGURES.filter((f) => typeof byKey.get(f.key)?.value === 'number');
  const outcomesAt = b.tables.findIndex((t) => t.id === 'outcomes');
  const hiddenByTable = new Set<string>();
  let outcomes: ReportTable | undefined;
  if (outcomesAt >= 0) {
    const r = suppressWithFigures(b.tables[outcomesAt], threshold, figureLines.map((f) => ({ parts: [...f.parts], value: byKey.get(f.key)!.value! })));
    outcomes = r.table;
    figureLines.forEach((f, i) => { if (r.hiddenFigures[i]) hiddenByTable.add(f.key); });
  }
  const hiddenFigure = (k: KeyFigure): KeyFigure => ({ ...k, value: null, suppressed: true });
  const keyFigures = b.keyFigures.map(figure).map((k) => {
    if (hiddenByTable.has(k.key)) return hiddenFigure(k);
    // A share of a hidden count, or of a small complement, is hidden too.
    if (k.key === 'job_or_education_share') {
      const n = byKey.get('job_or_education')?.value ?? 0;
      const d = byKey.get('started')?.value ?? 0;
      if (small(n) || small(d) || small(d - n) || hiddenByTable.has('job_or_education') || hiddenByTable.has('started')) return hiddenFigure(k);
    }
    if (k.key === 'median_days') {
      const placed = b.tables.find((t) => t.id === 'time_to_placement')?.rows[0].cells[1];
      if (typeof placed === 'number' && placed < threshold) return { ...k, value: null, suppressed: true };
    }
    return k;
  });
  // Monthly starts are a 1-D list whose sum (started) is published: suppress as a list.
  const monthly: ReportTable = {
    id: 'network_list_monthly', title: '', columns: [{ key: 'm', label: '', kind: 'text' }, { key: 'n', label: '', kind: 'count' }, { key: 's', label: '', kind: 'share' }],
    rows: [...b.monthlyStarts.map((m) => ({ key: m.month, cells: [m.month, m.count, null] })), { key: 'total', cells: ['', b.monthlyStarts.reduce((s, m) => s + (m.count ?? 0), 0), null] }],
  };
  const sm = suppressTable(monthly, threshold);
  // Cohort tables of the same anchor and months (by readiness, by placement kind) count the same
  // people: they share the status totals, so they are suppressed as one problem.
  const linked = new Map<string, ReportTable>();
  const groups = new Map<string, ReportTable[]>();
  for (const t of b.tables) {
    const m = /^cohort_(\d+m_(?:start|mentor_match))_/.exec(t.id);
    if (m) groups.set(m[1], [...(groups.get(m[1]) ?? []), t]);
  }
  for (const g of groups.values()) suppressLinkedCohorts(g, threshold).forEach((t) => linked.set(t.id, t));
  const tables = b.tables.map((t, i) => (i === outcomesAt && outcomes ? outcomes : linked.get(t.id) ?? suppressTable(t, threshold)));
  const goalTable = tables.find((t) => t.id === 'goals');
  return {
    ...b,
    view,
    threshold,
    keyFigures,
    tables,
    monthlyStarts: b.monthlyStarts.map((m, i) => ({ month: m.month, count: sm.rows[i].suppressed![1] ? null : m.count })),
    goals: b.goals.map((g, i) => {
      if (goalTable?.rows[i]?.suppressed?.[3]) return { ...g, actual: null, numerator: null, denominator: null };
      if (g.kind !== 'share' || g.numerator === null || g.denominator === null) return g;
      const n = round5(g.numerator);
      const d = round5(g.denominator);
      return { ...g, numerator: n, denominator: d, actual: d ? n / d : null, rounded: true };
    }),
  };
}
