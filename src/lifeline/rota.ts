import { addDays, hhmm, localSpan, toLocal, weekdayOf, ZONE } from './zoned-time.ts';

export interface Shift {
  id: string;
  userId: string;
  name: string;
  phone: string;
  startsAt: Date;
  endsAt: Date;
}

/** The person on call at an instant: among overlapping shifts, the one that started last (a relief takes over). */
export function onCallAt<S extends Pick<Shift, 'startsAt' | 'endsAt'>>(shifts: readonly S[], now: Date): S | null {
  let best: S | null = null;
  for (const s of shifts) {
    if (s.startsAt.getTime() <= now.getTime() && now.getTime() < s.endsAt.getTime()) {
      if (!best || s.startsAt.getTime() > best.startsAt.getTime()) best = s;
    }
  }
  return best;
}

export interface CoverageSettings {
  weekdayEveningStart: string;
  weekdayEveningEnd: string;
  weekendStart: string;
  weekendEnd: string;
  /** Dates (YYYY-MM-DD) treated like a weekend. */
  holidays: readonly string[];
}

export interface Gap {
  date: string;
  /** local HH:MM */
  from: string;
  to: string;
  startsAt: Date;
  endsAt: Date;
  dayKind: 'weekday_evening' | 'weekend' | 'holiday';
}

/** The window the rota should cover on one local date. */
export function coverageWindow(date: string, s: CoverageSettings, zone = ZONE) {
  const holiday = s.holidays.includes(date);
  const weekend = weekdayOf(date) >= 6;
  const dayKind: Gap['dayKind'] = holiday ? 'holiday' : weekend ? 'weekend' : 'weekday_evening';
  const [start, end] = holiday || weekend ? [s.weekendStart, s.weekendEnd] : [s.weekdayEveningStart, s.weekdayEveningEnd];
  return { dayKind, ...localSpan(date, hhmm(start), hhmm(end), zone) };
}

/**
 * Uncovered parts of the wanted windows over `days` local dates from `fromDate`.
 * Only the part after `now` counts: the past cannot be filled any more.
 */
export function rotaGaps(settings: CoverageSettings, shifts: readonly Pick<Shift, 'startsAt' | 'endsAt'>[], fromDate: string, days: number, now: Date, zone = ZONE): Gap[] {
  const sorted = [...shifts].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const gaps: Gap[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(fromDate, i);
    const w = coverageWindow(date, settings, zone);
    let cursor = Math.max(w.startsAt.getTime(), now.getTime());
    const end = w.endsAt.getTime();
    for (const s of sorted) {
      if (cursor >= end) break;
      if (s.endsAt.getTime() <= cursor || s.startsAt.getTime() >= end) continue;
      if (s.startsAt.getTime() > cursor) gaps.push(gap(date, w.dayKind, cursor, s.startsAt.getTime(), zone));
      cursor = Math.max(cursor, s.endsAt.getTime());
    }
    if (cursor < end) gaps.push(gap(date, w.dayKind, cursor, end, zone));
  }
  return gaps.filter((g) => g.endsAt.getTime() - g.startsAt.getTime() >= 60_000);
}

function gap(date: string, dayKind: Gap['dayKind'], from: number, to: number, zone: string): Gap {
  return { date, dayKind, from: toLocal(new Date(from), zone).time, to: toLocal(new Date(to), zone).time, startsAt: new Date(from), endsAt: new Date(to) };
}
