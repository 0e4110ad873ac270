/** Date arithmetic on ISO dates (YYYY-MM-DD), in UTC so results never shift with the time zone. */

export function parseDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00Z`);
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The same day `months` later (clamped to the month's last day: 31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const d = parseDate(iso);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return isoDate(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDate(to).getTime() - parseDate(from).getTime()) / 86_400_000);
}

/** Inclusive period test on ISO dates (string order is date order). */
export function inPeriod(iso: string | null | undefined, from: string, to: string): boolean {
  return !!iso && iso.slice(0, 10) >= from && iso.slice(0, 10) <= to;
}

/** Quantile by linear interpolation between closest ranks (the usual "type 7"). */
export function quantile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}


/**
 * Whole days, the one rule for every day figure in reports (median, quartiles):
 * 84.5 → 85 everywhere (page, CSV, XLSX, PDF), because the report carries the
 * rounded number and every output prints it as it is.
 */
export function wholeDays(x: number | null): number | null {
  return x === null ? null : Math.round(x);
}
