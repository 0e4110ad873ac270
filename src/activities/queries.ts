import type { Db, Trx } from '../core/db.ts';
import { addDays, hhmm } from '../lifeline/zoned-time.ts';
import { occurrences, type Occurrence } from './recurrence.ts';

type Q = Db | Trx;

export function findActivity(db: Q, partnershipId: string, id: string) {
  return db.selectFrom('activities as a')
    .leftJoin('associations as s', 's.id', 'a.association_id')
    .leftJoin('users as u', 'u.id', 'a.leader_user_id')
    .selectAll('a').select(['s.name as association_name', 'u.name as leader_name'])
    .where('a.partnership_id', '=', partnershipId).where('a.id', '=', id).executeTakeFirst();
}
export type ActivityRow = NonNullable<Awaited<ReturnType<typeof findActivity>>>;

export function listActivities(db: Q, partnershipId: string) {
  return db.selectFrom('activities as a')
    .leftJoin('associations as s', 's.id', 'a.association_id')
    .leftJoin('users as u', 'u.id', 'a.leader_user_id')
    .selectAll('a').select(['s.name as association_name', 'u.name as leader_name'])
    .where('a.partnership_id', '=', partnershipId).where('a.active', '=', true).orderBy('a.name').execute();
}

export async function schedulesOf(db: Q, activityIds: string[]) {
  if (activityIds.length === 0) return [];
  return db.selectFrom('activity_schedules').selectAll().where('activity_id', 'in', activityIds).orderBy('weekday').orderBy('start_time').execute();
}

export const patternOf = (s: { weekday: number; start_time: string; end_time: string; valid_from: string; valid_until: string | null }) => ({
  weekday: s.weekday, startTime: s.start_time, endTime: s.end_time, validFrom: s.valid_from, validUntil: s.valid_until,
});

/** Occurrences of one activity between two local dates, cancellations marked. */
export async function occurrencesOf(db: Q, activityId: string, from: string, to: string): Promise<Occurrence[]> {
  const [schedules, cancels] = await Promise.all([
    schedulesOf(db, [activityId]),
    db.selectFrom('activity_exceptions').selectAll().where('activity_id', '=', activityId).where('on_date', '>=', from).where('on_date', '<=', to).execute(),
  ]);
  return occurrences(schedules.map(patternOf), cancels.map((c) => ({ date: c.on_date, startTime: c.start_time, reason: c.reason })), from, to);
}

export const occurrenceView = (o: Occurrence) => ({
  date: o.date, start: o.startTime, end: o.endTime, startsAt: o.startsAt.toISOString(), endsAt: o.endsAt.toISOString(), cancelled: o.cancelled, reason: o.reason,
});

export const scheduleView = (s: Awaited<ReturnType<typeof schedulesOf>>[number]) => ({
  id: s.id, weekday: s.weekday, start: hhmm(s.start_time), end: hhmm(s.end_time), validFrom: s.valid_from, validUntil: s.valid_until,
});

export async function ownYoungPersonId(db: Q, partnershipId: string, userId: string) {
  const r = await db.selectFrom('young_people').select('id').where('partnership_id', '=', partnershipId).where('user_id', '=', userId).executeTakeFirst();
  return r?.id ?? null;
}

/** Held (not cancelled, already started) occurrences since a date: the basis for trends. */
export async function heldSince(db: Q, activityId: string, from: string, now: Date) {
  const to = addDays(from, Math.ceil((now.getTime() - Date.parse(from)) / 86_400_000) + 1);
  return (await occurrencesOf(db, activityId, from, to)).filter((o) => !o.cancelled && o.startsAt.getTime() <= now.getTime());
}
