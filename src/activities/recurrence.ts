import { addDays, hhmm, localSpan, weekdayOf, ZONE } from '../lifeline/zoned-time.ts';

export interface WeeklyPattern {
  /** ISO weekday, 1 = Monday */
  weekday: number;
  startTime: string;
  endTime: string;
  validFrom: string;
  validUntil: string | null;
}

export interface Cancellation {
  date: string;
  startTime: string;
  reason?: string | null;
}

export interface Occurrence {
  date: string;
  startTime: string;
  endTime: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  reason: string | null;
}

/**
 * Occurrences of weekly patterns between two local dates (inclusive), in local
 * wall-clock time: "Tuesday 17:00" stays 17:00 on both sides of a DST change.
 */
export function occurrences(patterns: readonly WeeklyPattern[], cancellations: readonly Cancellation[], from: string, to: string, zone = ZONE): Occurrence[] {
  const cancelled = new Map(cancellations.map((c) => [`${c.date} ${hhmm(c.startTime)}`, c.reason ?? null]));
  const out: Occurrence[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const wd = weekdayOf(date);
    for (const p of patterns) {
      if (p.weekday !== wd || date < p.validFrom || (p.validUntil && date > p.validUntil)) continue;
      const start = hhmm(p.startTime);
      const key = `${date} ${start}`;
      out.push({
        date, startTime: start, endTime: hhmm(p.endTime), ...localSpan(date, start, hhmm(p.endTime), zone),
        cancelled: cancelled.has(key), reason: cancelled.get(key) ?? null,
      });
    }
  }
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

export interface AttendanceMark {
  date: string;
  startTime: string;
  present: boolean;
}

/** One meeting's key: local date and HH:MM start ("2026-09-01 17:00"). */
export const meetingKey = (date: string, startTime: string) => `${date} ${hhmm(startTime)}`;

/**
 * "Slipping away": a regular (present at least 3 times in the earlier meetings)
 * who missed each of the last three meetings. Only meetings where the leader took
 * attendance count (`taken`: the keys of meetings with any mark, for anyone): a
 * meeting held without attendance says nothing about who came, so it is left out.
 */
export function isSlippingAway(held: readonly Pick<Occurrence, 'date' | 'startTime'>[], marks: readonly AttendanceMark[], taken: ReadonlySet<string>): boolean {
  const keys = held.map((o) => meetingKey(o.date, o.startTime)).filter((k) => taken.has(k));
  if (keys.length < 4) return false;
  const present = new Set(marks.filter((m) => m.present).map((m) => meetingKey(m.date, m.startTime)));
  const last3 = keys.slice(-3);
  const earlier = keys.slice(0, -3);
  const earlierPresent = earlier.filter((k) => present.has(k)).length;
  return earlierPresent >= 3 && last3.every((k) => !present.has(k));
}

/** Share of held occurrences attended, per 4-week bucket, oldest first (the trend line). */
export function attendanceTrend(held: readonly Pick<Occurrence, 'date' | 'startTime'>[], marks: readonly AttendanceMark[], bucketDays = 28) {
  if (held.length === 0) return [];
  const present = new Set(marks.filter((m) => m.present).map((m) => `${m.date} ${hhmm(m.startTime)}`));
  const buckets = new Map<string, { from: string; held: number; attended: number }>();
  const first = held[0].date;
  for (const o of held) {
    const idx = Math.floor((Date.parse(o.date) - Date.parse(first)) / (bucketDays * 86_400_000));
    const from = addDays(first, idx * bucketDays);
    const b = buckets.get(from) ?? { from, held: 0, attended: 0 };
    b.held++;
    if (present.has(`${o.date} ${o.startTime}`)) b.attended++;
    buckets.set(from, b);
  }
  return [...buckets.values()];
}
