/** Calendar helpers on 'YYYY-MM-DD' strings; "today" is the date in Denmark. */

export { todayInDenmark } from '../core/today.ts';

const toUtc = (d: string) => new Date(`${d}T00:00:00Z`);
const fmt = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(d: string, n: number): string {
  const x = toUtc(d);
  x.setUTCDate(x.getUTCDate() + n);
  return fmt(x);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(d: string): number {
  return ((toUtc(d).getUTCDay() + 6) % 7) + 1;
}

export function mondayOf(d: string): string {
  return addDays(d, 1 - isoWeekday(d));
}

/** ISO 8601 week key, e.g. '2026-W48' (the week belongs to the year of its Thursday). */
export function isoWeek(d: string): string {
  const thursday = toUtc(addDays(mondayOf(d), 3));
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The attendance window: a day can be registered from the Monday of last week
 * up to today. The one rule the server enforces and the employer's day picker offers.
 */
export function earliestAttendanceDay(today: string): string {
  return addDays(mondayOf(today), -7);
}

/** The days a company contact may register, today first. */
export function attendanceDays(today: string): string[] {
  const out: string[] = [];
  for (let d = today; d >= earliestAttendanceDay(today); d = addDays(d, -1)) out.push(d);
  return out;
}
