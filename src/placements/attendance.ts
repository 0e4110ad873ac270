import type { Db, Trx } from '../core/db.ts';
import type { Actor } from '../core/policy.ts';
import { audit } from '../core/audit.ts';
import { AppError, badRequest, notFound } from '../core/errors.ts';
import { addDays, earliestAttendanceDay, isoWeek, isoWeekday, mondayOf, todayInDenmark } from './dates.ts';
import { scheduleOn, schedulesOf } from './placements.ts';
import type { AttendanceBody, AttendanceStatus, ScheduleStep, Stability } from './schemas.ts';

type Q = Db | Trx;

/**
 * The attendance rules:
 * - a day can be registered from the Monday of last week up to today, never ahead;
 * - a registration can be changed only while the day is in the current ISO week
 *   (a correction after that is refused with 409 and goes through the counsellor);
 * - the day must lie within the placement's period, and the placement must have started.
 * All entries are written in one transaction: one refused entry refuses the lot.
 */
export async function registerAttendance(trx: Trx, actor: Actor, companyId: string, body: AttendanceBody, today = todayInDenmark()) {
  const { day } = body;
  if (day > today) throw badRequest('Fremmøde kan ikke registreres for en dag, der ikke er kommet endnu.', [{ field: 'day', message: 'Vælg i dag eller en tidligere dag.' }]);
  if (day < earliestAttendanceDay(today)) {
    throw new AppError(409, 'too_late', 'Fremmøde kan kun registreres for denne og sidste uge. Kontakt ungevejlederen, hvis noget skal rettes længere tilbage.');
  }
  const ids = [...new Set(body.entries.map((e) => e.placementId))];
  if (ids.length !== body.entries.length) throw badRequest('Den samme unge står to gange i registreringen.');
  const placements = await trx.selectFrom('placements').select(['id', 'young_person_id', 'start_date', 'end_date', 'status'])
    .where('id', 'in', ids).where('company_id', '=', companyId).where('partnership_id', '=', actor.partnershipId).execute();
  const byId = new Map(placements.map((p) => [p.id, p]));
  const existing = new Map((await trx.selectFrom('attendance').select(['placement_id', 'status'])
    .where('placement_id', 'in', ids).where('day', '=', day).execute()).map((a) => [a.placement_id, a.status]));
  for (const e of body.entries) {
    const p = byId.get(e.placementId);
    if (!p) throw notFound('Forløbet');
    if (p.status === 'planned' || day < p.start_date || (p.end_date && day > p.end_date)) {
      throw badRequest('Dagen ligger uden for forløbets periode.', [{ field: 'day', message: 'Vælg en dag i forløbets periode.' }]);
    }
    const before = existing.get(e.placementId);
    if (before !== undefined && before !== e.status && isoWeek(day) !== isoWeek(today)) {
      throw new AppError(409, 'correction_too_late', `Fremmødet for ${day} kan ikke længere rettes: rettelser skal ske i samme uge. Kontakt ungevejlederen.`);
    }
  }
  for (const e of body.entries) {
    const p = byId.get(e.placementId)!;
    const before = existing.get(e.placementId);
    if (before === e.status) continue;
    await trx.insertInto('attendance')
      .values({ placement_id: p.id, day, status: e.status, recorded_by: actor.userId })
      .onConflict((oc) => oc.columns(['placement_id', 'day']).doUpdateSet({ status: e.status, recorded_by: actor.userId, recorded_at: new Date() }))
      .execute();
    await audit(trx, actor, { action: before === undefined ? 'create' : 'change', subjectKind: 'attendance', subjectId: p.young_person_id, purpose: 'placement_follow_up' });
  }
  return body.entries.map((e) => ({ placementId: e.placementId, day, status: e.status }));
}

export async function attendanceOf(db: Q, placementIds: string[], from: string, to: string) {
  if (placementIds.length === 0) return [];
  return db.selectFrom('attendance').select(['placement_id', 'day', 'status'])
    .where('placement_id', 'in', placementIds).where('day', '>=', from).where('day', '<=', to).orderBy('day').execute();
}

const MET: ReadonlySet<string> = new Set<AttendanceStatus>(['present', 'late']);

/**
 * Attendance stability by ISO week over the last `weeks` weeks: planned days
 * (from the schedule in force each day), days met (mødt or for sent) and days
 * not registered. The share is met / registered planned days, so a company that
 * forgot to register does not look like a young person who stayed away.
 * Falling: the last two weeks' share is 20 points or more below the four weeks
 * before, or the latest week is under 60 %.
 */
export function computeStability(
  p: { start_date: string; end_date: string | null; status: string },
  schedule: ScheduleStep[], records: { day: string; status: string }[], today: string, weeks = 12,
): Stability {
  const byDay = new Map(records.map((r) => [r.day, r.status]));
  const last = p.end_date && p.end_date < today ? p.end_date : today;
  const first = [p.start_date, addDays(mondayOf(today), -7 * (weeks - 1))].sort()[1];
  const out = new Map<string, { planned: number; met: number; unregistered: number }>();
  if (p.status !== 'planned') {
    for (let d = first; d <= last; d = addDays(d, 1)) {
      const s = scheduleOn(schedule, d);
      if (!s || !s.weekdays.includes(isoWeekday(d))) continue;
      const w = out.get(isoWeek(d)) ?? { planned: 0, met: 0, unregistered: 0 };
      w.planned++;
      const st = byDay.get(d);
      if (st === undefined) w.unregistered++;
      else if (MET.has(st)) w.met++;
      out.set(isoWeek(d), w);
    }
  }
  const list = [...out.entries()].map(([week, w]) => ({
    week, ...w, share: w.planned - w.unregistered > 0 ? Math.round((w.met / (w.planned - w.unregistered)) * 100) / 100 : null,
  }));
  const shares = list.map((w) => w.share).filter((s): s is number => s !== null);
  const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  let reason: string | null = null;
  if (shares.length >= 3) {
    const recent = avg(shares.slice(-2));
    const before = avg(shares.slice(-6, -2));
    if (before - recent >= 0.2) reason = `Fremmødet er faldet fra ${Math.round(before * 100)} % til ${Math.round(recent * 100)} % de seneste to uger.`;
  }
  if (!reason && shares.length > 0 && shares[shares.length - 1] < 0.6) {
    reason = `Kun ${Math.round(shares[shares.length - 1] * 100)} % fremmøde i den seneste uge.`;
  }
  return { weeks: list, falling: reason !== null, reason };
}

export async function stabilityOf(db: Q, placement: { id: string; start_date: string; end_date: string | null; status: string }, today = todayInDenmark()) {
  const schedule = (await schedulesOf(db, [placement.id])).get(placement.id) ?? [];
  const records = await attendanceOf(db, [placement.id], addDays(mondayOf(today), -7 * 12), today);
  return computeStability(placement, schedule, records, today);
}
