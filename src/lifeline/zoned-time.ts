/**
 * Wall-clock time in an IANA zone (Europe/Copenhagen) without Temporal: the zone's
 * offset at an instant comes from Intl, and a local time is turned into an instant
 * by trying the offsets in force around it. Pure functions, unit-tested across the
 * last Sundays of March and October.
 */
export const ZONE = 'Europe/Copenhagen';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

export interface LocalDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday */
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function parts(instant: Date, zone: string) {
  const p: Record<string, string> = {};
  for (const { type, value } of formatter(zone).formatToParts(instant)) p[type] = value;
  return p;
}

/** The zone's offset from UTC at an instant, in milliseconds (Copenhagen: +1 h winter, +2 h summer). */
export function offsetAt(instant: Date, zone = ZONE): number {
  const p = parts(instant, zone);
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export function toLocal(instant: Date, zone = ZONE): LocalDateTime {
  const p = parts(instant, zone);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, weekday: WEEKDAYS[p.weekday] };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

export function isValidDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/**
 * The instant a local wall-clock time names. A time skipped by the spring change
 * (02:30 on the last Sunday of March) moves forward by the gap (03:30 summer time);
 * a time that occurs twice in October (02:30) is taken the first time (summer time).
 */
export function localToInstant(date: string, time: string, zone = ZONE): Date {
  const d = DATE_RE.exec(date);
  const t = TIME_RE.exec(time);
  if (!d || !t) throw new Error(`Not a local date/time: ${date} ${time}`);
  const guess = Date.UTC(+d[1], +d[2] - 1, +d[3], +t[1], +t[2], +(t[3] ?? 0));
  const before = offsetAt(new Date(guess - 86_400_000), zone);
  const after = offsetAt(new Date(guess + 86_400_000), zone);
  const valid = [...new Set([before, after])]
    .map((o) => guess - o)
    .filter((instant) => guess - offsetAt(new Date(instant), zone) === instant)
    .sort((a, b) => a - b);
  return new Date(valid.length > 0 ? valid[0] : guess - before);
}

export function addDays(date: string, n: number): string {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + n)).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date (1 = Monday). */
export function weekdayOf(date: string): number {
  const m = DATE_RE.exec(date)!;
  const wd = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** 'HH:MM:SS' from the database → 'HH:MM'. */
export const hhmm = (time: string) => time.slice(0, 5);

export const minutesOf = (time: string) => +time.slice(0, 2) * 60 + +time.slice(3, 5);

/** The interval of a local "date from start to end"; an end at or before the start runs past midnight. */
export function localSpan(date: string, start: string, end: string, zone = ZONE): { startsAt: Date; endsAt: Date } {
  const overnight = minutesOf(end) <= minutesOf(start);
  return { startsAt: localToInstant(date, start, zone), endsAt: localToInstant(overnight ? addDays(date, 1) : date, end, zone) };
}
