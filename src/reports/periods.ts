import { badRequest } from '../core/errors.ts';
import { addMonths, isoDate } from './dates.ts';

/**
 * Reporting periods of the suppressed view (issue #22, "differencing").
 *
 * Two reports whose groups of young people differ by one person give that
 * person's outcome away when a cell is published in both (or is ".." in one
 * and 0 in the other). Free date windows, narrowing filters and a free status
 * date all make such pairs. So a suppressed view (the steering group, and the
 * team's preview of it) accepts only:
 *
 * - one kind of fixed, non-overlapping period: a whole calendar year
 *   (`STEERING_PERIOD`). Months, quarters and years together would nest (a
 *   quarter minus two of its months is the third month), which is the same
 *   differencing by other means; one kind of period never overlaps itself;
 * - a completed period: the period's end lies on or before the status date, so
 *   the group never grows after the period is shown (a running year compared
 *   month by month would be differencing again);
 * - a status date at the end of a month (monthly snapshots, not daily ones),
 *   not after today;
 * - no counsellor, age band or readiness filter (readiness is shown in the
 *   cohort tables, suppressed together with the rest).
 *
 * The team's own exact view keeps free windows and filters.
 */
export type PeriodKind = 'year' | 'quarter' | 'month';
export const STEERING_PERIOD: PeriodKind = 'year';

export function lastDayOfMonth(iso: string): string {
  return isoDate(new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), 0)));
}

export const isMonthEnd = (iso: string) => lastDayOfMonth(iso) === iso;

/** The last day of the month before `today`'s month, or today when today ends its month. */
export function lastMonthEnd(today: string): string {
  if (isMonthEnd(today)) return today;
  return isoDate(new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, 0)));
}

/** The fixed period of `kind` that starts on `from` and ends on `to`, or null when [from, to] is not one. */
export function fixedPeriod(from: string, to: string, kind: PeriodKind): { from: string; to: string } | null {
  const months = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
  const m = Number(from.slice(5, 7));
  if (from.slice(8) !== '01' || (m - 1) % months !== 0) return null;
  const end = lastDayOfMonth(addMonths(from, months - 1));
  return end === to ? { from, to } : null;
}

/** Every fixed period of `kind` from `first` through `last` (ISO dates), in order. */
export function fixedPeriods(kind: PeriodKind, firstYear: number, lastYear: number): { from: string; to: string }[] {
  const months = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
  const out: { from: string; to: string }[] = [];
  for (let y = firstYear; y <= lastYear; y++) {
    for (let m = 1; m <= 12; m += months) {
      const from = `${y}-${String(m).padStart(2, '0')}-01`;
      out.push({ from, to: lastDayOfMonth(addMonths(from, months - 1)) });
    }
  }
  return out;
}

const KIND_WORDS: Record<PeriodKind, string> = { year: 'et helt kalenderår', quarter: 'et helt kvartal', month: 'en hel kalendermåned' };

export interface PeriodInput {
  from?: string;
  to?: string;
  asOf?: string;
  counsellorId?: string;
  ageBand?: string;
  readiness?: string;
}

/**
 * The period of a suppressed view: defaults to the last completed period of
 * `kind` with status at the last month end; anything else is refused in Danish,
 * naming the field.
 */
export function suppressedPeriod(q: PeriodInput, today: string, kind: PeriodKind = STEERING_PERIOD): { from: string; to: string; asOf: string } {
  for (const field of ['counsellorId', 'ageBand', 'readiness'] as const) {
    if (q[field]) {
      throw badRequest('Styregruppens visning kan ikke afgrænses til en vejleder, en aldersgruppe eller en parathedskategori: så små grupper kan afsløre den enkelte unge.', [
        { field, message: 'Filteret findes kun i teamets visning.' },
      ]);
    }
  }
  const asOf = q.asOf ?? lastMonthEnd(today);
  if (!isMonthEnd(asOf) || asOf > today) {
    throw badRequest(`Statusdatoen skal være den sidste dag i en måned, der er gået (senest ${lastMonthEnd(today)}).`, [{ field: 'asOf', message: 'Vælg den sidste dag i en måned.' }]);
  }
  let from = q.from;
  let to = q.to;
  if (!from && !to) {
    // The last whole period that has ended by the status date.
    const months = kind === 'year' ? 12 : kind === 'quarter' ? 3 : 1;
    const y = Number(asOf.slice(0, 4));
    const m = Number(asOf.slice(5, 7));
    const startMonth = m - ((m - 1) % months); // first month of the period holding asOf
    const periodStart = `${y}-${String(startMonth).padStart(2, '0')}-01`;
    const holding = fixedPeriod(periodStart, lastDayOfMonth(addMonths(periodStart, months - 1)), kind)!;
    const p = holding.to <= asOf ? holding : { from: addMonths(holding.from, -months), to: lastDayOfMonth(addMonths(holding.from, -1)) };
    from = p.from;
    to = p.to;
  }
  if (!from || !to || !fixedPeriod(from, to, kind)) {
    // The field at fault: a start that begins no period, else the end.
    const badStart = !from || !fixedPeriods(kind, Number(from.slice(0, 4)), Number(from.slice(0, 4))).some((p) => p.from === from);
    throw badRequest(`Styregruppens visning viser kun faste perioder: vælg ${KIND_WORDS[kind]}.`, [{ field: badStart ? 'from' : 'to', message: `Vælg ${KIND_WORDS[kind]}.` }]);
  }
  if (to > asOf) {
    throw badRequest('Perioden er ikke slut endnu: styregruppens visning viser kun perioder, der er afsluttet på statusdatoen.', [{ field: 'to', message: 'Vælg en periode, der er slut.' }]);
  }
  return { from, to, asOf };
}
