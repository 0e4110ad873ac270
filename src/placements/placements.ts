import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';
import { AppError, badRequest, notFound } from '../core/errors.ts';
import { HOLDING_STATUSES } from '../companies/queries.ts';
import type { Ladder, Placement, PlacementCreate, PlacementEnd, ScheduleStep } from './schemas.ts';
import { todayInDenmark } from './dates.ts';
import { followPathway } from '../youth/index.ts';

type Q = Db | Trx;

/**
 * Places a young person on an opening. The opening row is locked (FOR UPDATE)
 * before the places are counted, so two counsellors booking the last place at
 * the same moment are served one after the other: the second gets 409.
 */
export async function createPlacement(trx: Trx, partnershipId: string, userId: string, b: PlacementCreate): Promise<string> {
  const yp = await trx.selectFrom('young_people').select('id').where('partnership_id', '=', partnershipId).where('id', '=', b.youngPersonId).executeTakeFirst();
  if (!yp) throw notFound('Den unge');
  const { rows: [opening] } = await sql<{ id: string; company_id: string; capacity: number; open: boolean; placement_kinds: string[];
    mentor_contact_id: string | null; start_days_per_week: number; start_hours_per_day: string }>`
    SELECT id, company_id, capacity, open, placement_kinds, mentor_contact_id, start_days_per_week, start_hours_per_day
    FROM openings WHERE id = ${b.openingId} AND partnership_id = ${partnershipId} FOR UPDATE`.execute(trx);
  if (!opening) throw notFound('Opgaven');
  if (!opening.open) throw new AppError(409, 'opening_closed', 'Opgaven er lukket for nye unge.');
  if (!opening.placement_kinds.includes(b.kind)) {
    throw badRequest('Virksomheden tilbyder ikke denne type forløb på opgaven.', [{ field: 'kind', message: 'Vælg en af de typer, opgaven tilbyder.' }]);
  }
  const { n } = await trx.selectFrom('placements').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('opening_id', '=', opening.id).where('status', 'in', HOLDING_STATUSES).executeTakeFirstOrThrow();
  if (Number(n) >= opening.capacity) {
    throw new AppError(409, 'capacity', `Der er ingen ledige pladser på opgaven (${opening.capacity} i alt). Vælg en anden opgave, eller afslut et forløb først.`);
  }
  if (b.endDate && b.endDate < b.startDate) throw badRequest('Slutdatoen ligger før startdatoen.', [{ field: 'endDate', message: 'Slutdatoen skal være efter startdatoen.' }]);
  if (b.previousPlacementId) {
    const prev = await trx.selectFrom('placements').select('id').where('id', '=', b.previousPlacementId).where('young_person_id', '=', yp.id).executeTakeFirst();
    if (!prev) throw badRequest('Det forrige trin skal være et forløb for den samme unge.', [{ field: 'previousPlacementId', message: 'Vælg et af den unges forløb.' }]);
  }
  const mentor = b.mentorContactId === undefined ? opening.mentor_contact_id : b.mentorContactId;
  if (mentor) {
    const m = await trx.selectFrom('company_contacts').select('id').where('id', '=', mentor).where('company_id', '=', opening.company_id).executeTakeFirst();
    if (!m) throw badRequest('Virksomhedsmentoren skal være en af virksomhedens kontaktpersoner.', [{ field: 'mentorContactId', message: 'Vælg en kontaktperson fra virksomheden.' }]);
  }
  const row = await trx.insertInto('placements').values({
    partnership_id: partnershipId, young_person_id: yp.id, company_id: opening.company_id, opening_id: opening.id,
    previous_placement_id: b.previousPlacementId ?? null, kind: b.kind, start_date: b.startDate, end_date: b.endDate ?? null,
    status: b.status ?? 'planned', mentor_contact_id: mentor, created_by: userId,
  }).returning('id').executeTakeFirstOrThrow();
  const schedule = b.schedule ?? {
    weekdays: [1, 2, 3, 4, 5, 6, 7].slice(0, opening.start_days_per_week),
    hoursPerDay: Number(opening.start_hours_per_day),
  };
  await setSchedule(trx, row.id, { validFrom: b.startDate, ...schedule });
  // A placement that starts moves the pathway to "I praktik" (#21); a planned one waits until it is set active.
  if (b.status === 'active') await followPathway(trx, yp.id, 'in_placement', 'Praktikforløb startet', userId);
  return row.id;
}

/** Adds (or replaces) the schedule from a date on: stepping hours up keeps the earlier weeks as they were. */
export async function setSchedule(trx: Trx, placementId: string, s: ScheduleStep) {
  await trx.insertInto('placement_schedules')
    .values({ placement_id: placementId, valid_from: s.validFrom, weekdays: [...s.weekdays].sort(), hours_per_day: String(s.hoursPerDay) })
    .onConflict((oc) => oc.columns(['placement_id', 'valid_from']).doUpdateSet({ weekdays: [...s.weekdays].sort(), hours_per_day: String(s.hoursPerDay) }))
    .execute();
}

export async function endPlacement(trx: Trx, placement: { id: string; start_date: string; status: string }, b: PlacementEnd) {
  if (placement.status === 'ended') throw new AppError(409, 'already_ended', 'Forløbet er allerede afsluttet.');
  if (b.endReason === 'breakdown' && !b.breakdownCause) {
    throw badRequest('Angiv årsagen til, at forløbet brød sammen.', [{ field: 'breakdownCause', message: 'Vælg en årsag.' }]);
  }
  if (b.endReason !== 'breakdown' && b.breakdownCause) {
    throw badRequest('En årsag til sammenbrud kan kun angives, når forløbet brød sammen.', [{ field: 'breakdownCause', message: 'Fjern årsagen.' }]);
  }
  if (b.endDate < placement.start_date) throw badRequest('Slutdatoen ligger før startdatoen.', [{ field: 'endDate', message: 'Slutdatoen skal være efter startdatoen.' }]);
  await trx.updateTable('placements').set({
    status: 'ended', end_date: b.endDate, end_reason: b.endReason, breakdown_cause: b.breakdownCause ?? null,
    end_note: b.note ?? null, updated_at: new Date(),
  }).where('id', '=', placement.id).execute();
}

export function findPlacementRow(db: Q, partnershipId: string, id: string) {
  return db.selectFrom('placements').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
}

export async function schedulesOf(db: Q, placementIds: string[]) {
  if (placementIds.length === 0) return new Map<string, ScheduleStep[]>();
  const rows = await db.selectFrom('placement_schedules').selectAll().where('placement_id', 'in', placementIds).orderBy('valid_from').execute();
  const out = new Map<string, ScheduleStep[]>();
  for (const r of rows) {
    const list = out.get(r.placement_id) ?? [];
    list.push({ validFrom: r.valid_from, weekdays: r.weekdays, hoursPerDay: Number(r.hours_per_day) });
    out.set(r.placement_id, list);
  }
  return out;
}

export interface PlacementFilter { companyId?: string; youngPersonId?: string; status?: string; id?: string }

/** Placements with company, opening, mentor and schedule. Young people's names: the caller audits. */
export async function listPlacements(db: Q, partnershipId: string, f: PlacementFilter): Promise<Placement[]> {
  let q = db.selectFrom('placements as p')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .innerJoin('openings as o', 'o.id', 'p.opening_id')
    .innerJoin('young_people as y', 'y.id', 'p.young_person_id')
    .leftJoin('company_contacts as m', 'm.id', 'p.mentor_contact_id')
    .selectAll('p')
    .select(['c.name as company_name', 'o.title as opening_title', 'y.first_name', 'y.last_name', 'm.name as mentor_name', 'm.phone as mentor_phone'])
    .where('p.partnership_id', '=', partnershipId);
  if (f.id) q = q.where('p.id', '=', f.id);
  if (f.companyId) q = q.where('p.company_id', '=', f.companyId);
  if (f.youngPersonId) q = q.where('p.young_person_id', '=', f.youngPersonId);
  if (f.status) q = q.where('p.status', '=', f.status);
  const rows = await q.orderBy('p.start_date', 'desc').limit(500).execute();
  const schedules = await schedulesOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, youngPersonId: r.young_person_id, youngPersonName: `${r.first_name} ${r.last_name}`,
    companyId: r.company_id, companyName: r.company_name, openingId: r.opening_id, openingTitle: r.opening_title,
    previousPlacementId: r.previous_placement_id, kind: r.kind as Placement['kind'], startDate: r.start_date, endDate: r.end_date,
    status: r.status as Placement['status'], endReason: r.end_reason as Placement['endReason'],
    breakdownCause: r.breakdown_cause as Placement['breakdownCause'], endNote: r.end_note,
    mentor: r.mentor_contact_id && r.mentor_name ? { id: r.mentor_contact_id, name: r.mentor_name, phone: r.mentor_phone } : null,
    schedule: schedules.get(r.id) ?? [],
  }));
}

/** The schedule in force on a day (the newest step from on or before it). */
export function scheduleOn(steps: ScheduleStep[], day: string): ScheduleStep | undefined {
  let current: ScheduleStep | undefined;
  for (const s of steps) if (s.validFrom <= day) current = s;
  return current;
}

/** The ladder: all of a young person's placements in time order, each with its hours per week now (or at its end). */
export async function ladderOf(db: Q, partnershipId: string, youngPersonId: string): Promise<Ladder> {
  const rows = (await listPlacements(db, partnershipId, { youngPersonId })).reverse();
  const today = todayInDenmark();
  return {
    youngPersonId,
    steps: rows.map((p) => {
      const day = p.endDate && p.endDate < today ? p.endDate : today;
      const s = scheduleOn(p.schedule, day) ?? p.schedule[0];
      return {
        id: p.id, companyName: p.companyName, openingTitle: p.openingTitle, kind: p.kind, startDate: p.startDate, endDate: p.endDate,
        status: p.status, endReason: p.endReason, previousPlacementId: p.previousPlacementId,
        hoursPerWeekNow: s ? s.weekdays.length * s.hoursPerDay : null,
      };
    }),
  };
}

/** The young person's counsellor as the company sees them: name and work phone, nothing else. */
export async function counsellorOf(db: Q, partnershipId: string, youngPersonId: string): Promise<{ name: string; phone: string | null } | null> {
  const row = await db.selectFrom('young_people as y').innerJoin('users as u', 'u.id', 'y.counsellor_id')
    .select(['u.name', 'u.phone']).where('y.id', '=', youngPersonId).where('y.partnership_id', '=', partnershipId).executeTakeFirst();
  return row ?? null;
}
