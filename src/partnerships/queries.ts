import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';
import { hhmm } from '../lifeline/zoned-time.ts';
import type { CoverageHours } from './schemas.ts';

type Q = Db | Trx;

export const DEFAULT_COVERAGE: CoverageHours = { weekdayEveningStart: '16:00', weekdayEveningEnd: '22:00', weekendStart: '10:00', weekendEnd: '22:00' };

export async function isInstallationAdmin(db: Q, userId: string) {
  const row = await db.selectFrom('users').select('installation_admin').where('id', '=', userId).where('active', '=', true).executeTakeFirst();
  return row?.installation_admin === true;
}

export async function slugTaken(db: Q, slug: string, exceptId?: string) {
  let q = db.selectFrom('partnerships').select('id').where('slug', '=', slug);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return Boolean(await q.executeTakeFirst());
}

export async function insertPartnership(trx: Trx, p: { name: string; slug: string; municipalityNames: string; ageFrom: number; ageTo: number }) {
  return trx.insertInto('partnerships')
    .values({ name: p.name, slug: p.slug, municipality: p.municipalityNames, age_min: p.ageFrom, age_max: p.ageTo })
    .returning(['id', 'name', 'slug', 'created_at']).executeTakeFirstOrThrow();
}

export async function updatePartnership(trx: Trx, id: string, p: { name: string; slug: string; municipalityNames: string; ageFrom: number; ageTo: number }) {
  await trx.updateTable('partnerships')
    .set({ name: p.name, slug: p.slug, municipality: p.municipalityNames, age_min: p.ageFrom, age_max: p.ageTo })
    .where('id', '=', id).execute();
}

export async function replaceMunicipalities(trx: Trx, partnershipId: string, codes: string[]) {
  await trx.deleteFrom('partnership_municipalities').where('partnership_id', '=', partnershipId).execute();
  await trx.insertInto('partnership_municipalities').values(codes.map((c) => ({ partnership_id: partnershipId, municipality_code: c }))).execute();
}

/** Writes only the coverage hours; after-hours numbers and holidays stay as the lifeline page set them. */
export async function saveCoverage(trx: Trx, partnershipId: string, c: CoverageHours) {
  const values = { weekday_evening_start: c.weekdayEveningStart, weekday_evening_end: c.weekdayEveningEnd, weekend_start: c.weekendStart, weekend_end: c.weekendEnd, updated_at: new Date() };
  await trx.insertInto('lifeline_settings').values({ partnership_id: partnershipId, ...values })
    .onConflict((oc) => oc.column('partnership_id').doUpdateSet(values)).execute();
}

export async function saveReportSettings(trx: Trx, partnershipId: string, userId: string | null, s: { suppressionThreshold: number; goals?: unknown[] }) {
  const values = { suppression_threshold: s.suppressionThreshold, updated_by: userId, updated_at: new Date(), ...(s.goals ? { goals: JSON.stringify(s.goals) } : {}) };
  await trx.insertInto('report_settings').values({ partnership_id: partnershipId, ...values })
    .onConflict((oc) => oc.column('partnership_id').doUpdateSet(values)).execute();
}

export async function addMembership(trx: Trx, userId: string, partnershipId: string, role: 'admin') {
  await trx.insertInto('memberships').values({ user_id: userId, partnership_id: partnershipId, role }).execute();
}

export async function loadSettings(db: Q, partnershipId: string) {
  const p = await db.selectFrom('partnerships as p')
    .leftJoin('lifeline_settings as l', 'l.partnership_id', 'p.id')
    .leftJoin('report_settings as r', 'r.partnership_id', 'p.id')
    .select(['p.id', 'p.name', 'p.slug', 'p.age_min', 'p.age_max', 'l.weekday_evening_start', 'l.weekday_evening_end', 'l.weekend_start', 'l.weekend_end', 'r.suppression_threshold', 'r.goals'])
    .where('p.id', '=', partnershipId).executeTakeFirstOrThrow();
  const codes = await db.selectFrom('partnership_municipalities').select('municipality_code').where('partnership_id', '=', partnershipId).orderBy('municipality_code').execute();
  return {
    id: p.id, name: p.name, slug: p.slug, municipalities: codes.map((c) => c.municipality_code), ageFrom: p.age_min, ageTo: p.age_max,
    coverage: p.weekday_evening_start ? {
      weekdayEveningStart: hhmm(p.weekday_evening_start), weekdayEveningEnd: hhmm(p.weekday_evening_end!),
      weekendStart: hhmm(p.weekend_start!), weekendEnd: hhmm(p.weekend_end!),
    } : DEFAULT_COVERAGE,
    suppressionThreshold: p.suppression_threshold ?? 5,
    goalCount: Array.isArray(p.goals) ? p.goals.length : 0,
  };
}

export async function listPartnerships(db: Q) {
  const rows = await db.selectFrom('partnerships as p')
    .select(['p.id', 'p.name', 'p.slug', 'p.created_at',
      sql<string[]>`coalesce((SELECT array_agg(m.municipality_code ORDER BY m.municipality_code) FROM partnership_municipalities m WHERE m.partnership_id = p.id), '{}')`.as('municipalities')])
    .orderBy('p.name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, municipalities: r.municipalities, createdAt: new Date(r.created_at).toISOString() }));
}

/** Each checklist step from data, in one round trip. */
export async function checklistFacts(db: Q, partnershipId: string) {
  const { rows } = await sql<{ counsellor: boolean; companies: boolean; lifeline: boolean; activities: boolean; goals: boolean; catalog: boolean }>`
    SELECT
      EXISTS (SELECT 1 FROM memberships WHERE partnership_id = ${partnershipId} AND role = 'counsellor') AS counsellor,
      EXISTS (SELECT 1 FROM companies WHERE partnership_id = ${partnershipId}) AS companies,
      EXISTS (SELECT 1 FROM lifeline_shifts WHERE partnership_id = ${partnershipId}) AS lifeline,
      EXISTS (SELECT 1 FROM activities WHERE partnership_id = ${partnershipId}) AS activities,
      EXISTS (SELECT 1 FROM report_settings WHERE partnership_id = ${partnershipId} AND jsonb_array_length(goals) > 0) AS goals,
      EXISTS (SELECT 1 FROM initiatives) AS catalog`.execute(db);
  return rows[0];
}
