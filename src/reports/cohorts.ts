import { PAID_KINDS, PLACEMENT_KINDS, READINESS, type PathwayRecord, type PlacementRecord, type ReportTable } from './types.ts';
import { BREAKDOWN_LABELS, PLACEMENT_LABELS, READINESS_LABELS, label } from './labels.ts';
import { addMonths, daysBetween, inPeriod, quantile, wholeDays } from './dates.ts';

export interface PeriodOptions {
  from: string;
  to: string;
  asOf: string;
}

export const STATUS_GROUPS = ['job', 'education', 'in_placement', 'active', 'ended_other'] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];
export const STATUS_GROUP_LABELS: Record<StatusGroup, string> = {
  job: 'I job (ordinært, fleksjob, lønnede timer)',
  education: 'I uddannelse',
  in_placement: 'I praktik',
  active: 'I forløb uden praktik',
  ended_other: 'Afsluttet på anden vis',
};

const sortedPlacements = (p: PathwayRecord) => [...(p.placements ?? [])].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
export const firstPlacement = (p: PathwayRecord): PlacementRecord | undefined => sortedPlacements(p)[0];

const runningOn = (pl: PlacementRecord, day: string) => pl.startedAt <= day && (!pl.endedAt || pl.endedAt > day);

/**
 * Where a young person stood on a day: an outcome dated by then decides;
 * otherwise a running paid placement counts as a job, any other running
 * placement as "in placement", and nothing running as "active".
 */
export function statusGroupOn(p: PathwayRecord, day: string): StatusGroup {
  if (p.outcome && p.outcome !== 'still_active' && (p.outcomeDate ?? p.startedAt) <= day) {
    if (p.outcome === 'ordinary_employment' || p.outcome === 'flex_job') return 'job';
    if (p.outcome === 'education') return 'education';
    return 'ended_other';
  }
  const running = (p.placements ?? []).filter((pl) => runningOn(pl, day));
  if (running.some((pl) => PAID_KINDS.includes(pl.kind))) return 'job';
  if (running.length) return 'in_placement';
  return 'active';
}

export interface CohortOptions extends PeriodOptions {
  months: 3 | 6 | 12;
  /** Count months from the pathway's start or from the first mentor match. */
  anchor: 'start' | 'mentor_match';
  by: 'readiness' | 'placement_kind';
}

/**
 * Status N months after start (or mentor match), for those whose anchor lies
 * in the period and at least N months before asOf (only observed people count).
 * Rows are readiness categories or first placement kinds; the last column and
 * the last row are totals, so the table can be suppressed as a 2-D table.
 */
export function cohortTable(records: PathwayRecord[], o: CohortOptions): ReportTable {
  const groups: string[] = o.by === 'readiness' ? [...READINESS, 'unknown'] : [...PLACEMENT_KINDS, 'none'];
  const counts = new Map(groups.map((g) => [g, STATUS_GROUPS.map(() => 0)]));
  for (const p of records) {
    const anchor = o.anchor === 'start' ? p.startedAt : p.mentorMatchedAt;
    if (!anchor || !inPeriod(anchor, o.from, o.to)) continue;
    const day = addMonths(anchor, o.months);
    if (day > o.asOf) continue;
    const g = o.by === 'readiness' ? (p.readiness ?? 'unknown') : (firstPlacement(p)?.kind ?? 'none');
    const row = counts.get(g) ?? counts.get(o.by === 'readiness' ? 'unknown' : 'none')!;
    row[STATUS_GROUPS.indexOf(statusGroupOn(p, day))]++;
  }
  const labels = o.by === 'readiness' ? READINESS_LABELS : PLACEMENT_LABELS;
  const rows: ReportTable['rows'] = groups.map((g) => {
    const r = counts.get(g)!;
    return { key: g, cells: [label(labels, g), ...r, r.reduce((a, b) => a + b, 0)] };
  });
  const colTotals = STATUS_GROUPS.map((_, i) => groups.reduce((s, g) => s + counts.get(g)![i], 0));
  rows.push({ key: 'total', cells: ['I alt', ...colTotals, colTotals.reduce((a, b) => a + b, 0)] });
  return {
    id: `cohort_${o.months}m_${o.anchor}_${o.by}`,
    title: `Status ${o.months} måneder efter ${o.anchor === 'start' ? 'start' : 'mentormatch'} fordelt på ${o.by === 'readiness' ? 'parathedskategori' : 'første praktikform'}`,
    columns: [
      { key: 'group', label: o.by === 'readiness' ? 'Parathedskategori' : 'Første praktik', kind: 'text' },
      ...STATUS_GROUPS.map((s) => ({ key: s, label: STATUS_GROUP_LABELS[s], kind: 'count' as const })),
      { key: 'total', label: 'I alt', kind: 'count' },
    ],
    rows,
    note: cohortNote(o),
  };
}

/**
 * Says who the table counts and, when the period is too recent for N months
 * to have passed by the status date, why it is empty or only partly filled.
 */
export function cohortNote(o: CohortOptions): string {
  const anchor = o.anchor === 'start' ? 'Start' : 'Mentormatch';
  const base = `${anchor} ${o.from}–${o.to}, kun unge hvor der er gået mindst ${o.months} måneder pr. ${o.asOf}.`;
  const firstReady = addMonths(o.from, o.months);
  if (firstReady > o.asOf) {
    return `${base} Kan ikke udfyldes endnu: der er ikke gået ${o.months} måneder siden periodens start. Tidligst mulige statusdato er ${firstReady}.`;
  }
  if (addMonths(o.to, o.months) > o.asOf) {
    return `${base} Kun delvist udfyldt: unge med ${anchor.toLowerCase()} efter ${addMonths(o.asOf, -o.months)} er ikke med endnu (alle er med fra statusdato ${addMonths(o.to, o.months)}).`;
  }
  return base;
}

const reachedPaid = (p: PathwayRecord, asOf: string) =>
  (p.placements ?? []).some((pl) => PAID_KINDS.includes(pl.kind) && pl.startedAt <= asOf) ||
  (!!p.outcome && ['ordinary_employment', 'flex_job', 'education'].includes(p.outcome) && (p.outcomeDate ?? p.startedAt) <= asOf);

/** Referred → screened → first placement → paid hours/job/education, each step a subset of the one before. */
export function funnelTable(records: PathwayRecord[], o: PeriodOptions): ReportTable {
  const cohort = records.filter((p) => inPeriod(p.startedAt, o.from, o.to));
  const screened = cohort.filter((p) => p.screenedAt && p.screenedAt <= o.asOf);
  const placed = screened.filter((p) => (p.placements ?? []).some((pl) => pl.startedAt <= o.asOf));
  const paid = placed.filter((p) => reachedPaid(p, o.asOf));
  const steps: [string, string, number][] = [
    ['referred', 'Henvist', cohort.length],
    ['screened', 'Afklaret (screenet)', screened.length],
    ['placed', 'Første praktik', placed.length],
    ['paid', 'Lønnede timer, job eller uddannelse', paid.length],
  ];
  return {
    id: 'funnel',
    title: 'Tragt: fra henvisning til job eller uddannelse',
    columns: [
      { key: 'step', label: 'Trin', kind: 'text' },
      { key: 'count', label: 'Antal', kind: 'count' },
      { key: 'shareOfReferred', label: 'Andel af henviste', kind: 'share' },
      { key: 'shareOfPrevious', label: 'Andel af forrige trin', kind: 'share' },
    ],
    rows: steps.map(([key, name, n], i) => ({
      key,
      cells: [name, n, cohort.length ? n / cohort.length : null, i === 0 ? null : steps[i - 1][2] ? n / steps[i - 1][2] : null],
    })),
    note: `Unge startet ${o.from}–${o.to}, status pr. ${o.asOf}. Et trin tæller kun unge der også nåede trinnet før.`,
  };
}

export interface TimeToPlacement {
  n: number;
  withoutPlacement: number;
  medianDays: number | null;
  q1Days: number | null;
  q3Days: number | null;
}

/** Days from start to the first placement, for those started in the period who got one by asOf. */
export function timeToFirstPlacement(records: PathwayRecord[], o: PeriodOptions): TimeToPlacement {
  const days: number[] = [];
  let without = 0;
  for (const p of records) {
    if (!inPeriod(p.startedAt, o.from, o.to)) continue;
    const first = firstPlacement(p);
    if (first && first.startedAt <= o.asOf) days.push(Math.max(0, daysBetween(p.startedAt, first.startedAt)));
    else without++;
  }
  days.sort((a, b) => a - b);
  return { n: days.length, withoutPlacement: without, medianDays: wholeDays(quantile(days, 0.5)), q1Days: wholeDays(quantile(days, 0.25)), q3Days: wholeDays(quantile(days, 0.75)) };
}

export function timeToPlacementTable(t: TimeToPlacement): ReportTable {
  return {
    id: 'time_to_placement',
    title: 'Tid fra start til første praktik (dage)',
    columns: [
      { key: 'measure', label: 'Mål', kind: 'text' },
      { key: 'value', label: 'Værdi', kind: 'number' },
    ],
    rows: [
      { key: 'n', cells: ['Unge med praktik', t.n] },
      { key: 'without', cells: ['Unge uden praktik endnu', t.withoutPlacement] },
      { key: 'q1', cells: ['1. kvartil (dage)', t.q1Days] },
      { key: 'median', cells: ['Median (dage)', t.medianDays] },
      { key: 'q3', cells: ['3. kvartil (dage)', t.q3Days] },
    ],
  };
}

const placementsInPeriod = (records: PathwayRecord[], o: PeriodOptions) =>
  records.flatMap((p) => p.placements ?? []).filter((pl) => inPeriod(pl.startedAt, o.from, o.to));

/** Of the placements started in the period, how many led to a hire, by placement kind. */
export function conversionTable(records: PathwayRecord[], o: PeriodOptions): ReportTable {
  const all = placementsInPeriod(records, o);
  const kinds = [...PLACEMENT_KINDS.filter((k) => !PAID_KINDS.includes(k)), ...new Set(all.map((p) => p.kind).filter((k) => !(PLACEMENT_KINDS as readonly string[]).includes(k)))];
  const row = (key: string, name: string, ps: PlacementRecord[]) => {
    const hired = ps.filter((p) => p.hired).length;
    return { key, cells: [name, ps.length, hired, ps.length ? hired / ps.length : null] as (string | number | null)[] };
  };
  const unpaid = all.filter((p) => !PAID_KINDS.includes(p.kind));
  return {
    id: 'conversion',
    title: 'Fra praktik til ansættelse',
    columns: [
      { key: 'kind', label: 'Praktikform', kind: 'text' },
      { key: 'placements', label: 'Praktikker startet', kind: 'count' },
      { key: 'hired', label: 'Førte til ansættelse', kind: 'count' },
      { key: 'rate', label: 'Andel', kind: 'share' },
    ],
    rows: [...kinds.map((k) => row(k, label(PLACEMENT_LABELS, k), unpaid.filter((p) => p.kind === k))), row('total', 'I alt', unpaid)],
    note: `Praktikker (ikke lønnede) startet ${o.from}–${o.to}; ansættelse registreret pr. ${o.asOf}.`,
  };
}

/** Placements started in the period that broke down, by registered cause. */
export function breakdownTable(records: PathwayRecord[], o: PeriodOptions): ReportTable {
  const all = placementsInPeriod(records, o);
  const broken = all.filter((p) => p.breakdownCause && (!p.endedAt || p.endedAt <= o.asOf));
  const causes = [...Object.keys(BREAKDOWN_LABELS), ...new Set(broken.map((p) => p.breakdownCause!).filter((c) => !(c in BREAKDOWN_LABELS)))];
  const rows: ReportTable['rows'] = causes.map((c) => {
    const n = broken.filter((p) => p.breakdownCause === c).length;
    return { key: c, cells: [label(BREAKDOWN_LABELS, c), n, broken.length ? n / broken.length : null] };
  });
  rows.push({ key: 'total', cells: ['Afbrudte praktikker i alt', broken.length, broken.length ? 1 : null] });
  return {
    id: 'breakdowns',
    title: 'Årsager til afbrudte praktikker',
    columns: [
      { key: 'cause', label: 'Årsag', kind: 'text' },
      { key: 'count', label: 'Antal', kind: 'count' },
      { key: 'share', label: 'Andel af afbrudte', kind: 'share' },
    ],
    rows,
    // No counts in the note: it is printed beside suppressed cells too.
    note: `Praktikker startet ${o.from}–${o.to}, afbrudt pr. ${o.asOf}.`,
  };
}
