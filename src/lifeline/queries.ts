import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';
import { rotaGaps, type CoverageSettings } from './rota.ts';
import { addDays, hhmm, localToInstant } from './zoned-time.ts';

type Q = Db | Trx;

export const DEFAULT_SETTINGS = {
  afterHoursNumbers: [] as { label: string; phone: string }[],
  weekdayEveningStart: '16:00', weekdayEveningEnd: '22:00', weekendStart: '10:00', weekendEnd: '22:00', holidays: [] as string[],
};
export type LifelineSettings = typeof DEFAULT_SETTINGS;

export async function loadSettings(db: Q, partnershipId: string): Promise<LifelineSettings> {
  const r = await db.selectFrom('lifeline_settings').selectAll().where('partnership_id', '=', partnershipId).executeTakeFirst();
  if (!r) return DEFAULT_SETTINGS;
  return {
    afterHoursNumbers: r.after_hours_numbers as LifelineSettings['afterHoursNumbers'],
    weekdayEveningStart: hhmm(r.weekday_evening_start), weekdayEveningEnd: hhmm(r.weekday_evening_end),
    weekendStart: hhmm(r.weekend_start), weekendEnd: hhmm(r.weekend_end), holidays: r.holidays as string[],
  };
}

export async function saveSettings(trx: Trx, partnershipId: string, s: LifelineSettings) {
  const values = {
    after_hours_numbers: JSON.stringify(s.afterHoursNumbers), weekday_evening_start: s.weekdayEveningStart,
    weekday_evening_end: s.weekdayEveningEnd, weekend_start: s.weekendStart, weekend_end: s.weekendEnd,
    holidays: JSON.stringify([...s.holidays].sort()), updated_at: new Date(),
  };
  await trx.insertInto('lifeline_settings').values({ partnership_id: partnershipId, ...values })
    .onConflict((oc) => oc.column('partnership_id').doUpdateSet(values)).execute();
}

/** Shifts overlapping [from, to), with the on-call person's name. */
export function shiftsBetween(db: Q, partnershipId: string, from: Date, to: Date) {
  return db.selectFrom('lifeline_shifts as s').innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id', 'u.name', 's.phone', 's.on_date', 's.start_time', 's.end_time', 's.starts_at', 's.ends_at'])
    .where('s.partnership_id', '=', partnershipId).where('s.ends_at', '>', from).where('s.starts_at', '<', to)
    .orderBy('s.starts_at').execute();
}

export async function loadGaps(db: Q, partnershipId: string, fromDate: string, days: number, now: Date) {
  const settings = await loadSettings(db, partnershipId);
  const from = localToInstant(fromDate, '00:00');
  const to = localToInstant(addDays(fromDate, days + 1), '00:00');
  const shifts = await shiftsBetween(db, partnershipId, from, to);
  const coverage: CoverageSettings = settings;
  return rotaGaps(coverage, shifts.map((s) => ({ startsAt: new Date(s.starts_at), endsAt: new Date(s.ends_at) })), fromDate, days, now);
}

/**
 * Who may be put on the rota: the partnership's counsellors, and professional
 * or volunteer mentors who are active and have opted in to the lifeline.
 */
export async function rotaPeople(db: Q, partnershipId: string) {
  const { rows } = await sql<{ user_id: string; name: string; phone: string | null; kind: string }>`
    SELECT u.id AS user_id, u.name, u.phone, 'counsellor' AS kind
      FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.partnership_id = ${partnershipId} AND m.role = 'counsellor' AND u.active
    UNION
    SELECT u.id, u.name, coalesce(mt.phone, u.phone), mt.kind || '_mentor'
      FROM mentors mt JOIN users u ON u.id = mt.user_id
      WHERE mt.partnership_id = ${partnershipId} AND mt.lifeline_opt_in AND mt.status = 'active'
        AND mt.kind IN ('professional', 'volunteer') AND u.active
    ORDER BY 2`.execute(db);
  return rows;
}
