// The SQL of imports and exports. Young people are written in chunks of
// multi-row INSERTs: a 10,000-row file must go in well under 30 s, and the
// youth feature has no single-row create to reuse (its intake is one route).
import { sql } from 'kysely';
import type { Queryable, Trx } from '../core/db.ts';
import type { YoungPersonDraft } from './young-people.ts';

const CHUNK = 1000;
/** Noon UTC of a day: the same calendar day in Copenhagen, whatever the session's time zone. */
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

export function findPartnership(q: Queryable, by: { id?: string; slug?: string }) {
  let query = q.selectFrom('partnerships').select(['id', 'name', 'slug', 'age_min', 'age_max']);
  if (by.id) query = query.where('id', '=', by.id);
  if (by.slug) query = query.where('slug', '=', by.slug);
  return query.executeTakeFirst();
}

export function existingYoungPeople(q: Queryable, partnershipId: string) {
  return q.selectFrom('young_people').select(['id', 'birth_date', 'first_name', 'last_name', 'email']).where('partnership_id', '=', partnershipId).execute();
}

export async function counsellorsByEmail(q: Queryable, partnershipId: string) {
  const rows = await q.selectFrom('memberships as m').innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email']).where('m.partnership_id', '=', partnershipId).where('m.role', '=', 'counsellor').execute();
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
}

export async function insertYoungPeople(trx: Trx, partnershipId: string, userId: string | null, drafts: YoungPersonDraft[], onProgress?: (done: number) => void) {
  const ids: string[] = [];
  for (let i = 0; i < drafts.length; i += CHUNK) {
    const chunk = drafts.slice(i, i + CHUNK);
    const rows = await trx.insertInto('young_people').values(chunk.map((d) => ({
      partnership_id: partnershipId, counsellor_id: d.counsellorId, first_name: d.firstName, last_name: d.lastName, birth_date: d.birthDate,
      phone: d.phone, email: d.email, address: d.address, postal_code: d.postalCode, referral_source: d.referralSource,
      municipal_case_ref: d.municipalCaseRef, guardian_name: d.guardianName, guardian_phone: d.guardianPhone, guardian_email: d.guardianEmail,
      preferred_contact_times: d.preferredContactTimes, next_follow_up: d.outcome ? null : d.nextFollowUp,
      stage: d.outcome ? 'ended' : 'referred', outcome: d.outcome, outcome_education: d.outcomeEducation, outcome_date: d.outcomeDate,
      // A historic pathway keeps its real start: reports count a pathway from created_at.
      created_at: noon(d.startDate), last_contact_at: d.outcome ? null : noon(d.startDate),
    }))).returning('id').execute();
    const chunkIds = rows.map((r) => r.id);
    const events = chunk.flatMap((d, j) => [
      { young_person_id: chunkIds[j]!, kind: 'intake', to_stage: 'referred', changed_by: userId, changed_at: noon(d.startDate), note: 'Importeret' },
      ...(d.outcome ? [{
        young_person_id: chunkIds[j]!, kind: 'end', from_stage: 'referred', to_stage: 'ended', outcome: d.outcome,
        outcome_education: d.outcomeEducation, outcome_date: d.outcomeDate, changed_by: userId, changed_at: noon(d.outcomeDate!), note: 'Importeret',
      }] : []),
    ]);
    await trx.insertInto('pathway_events').values(events).execute();
    ids.push(...chunkIds);
    onProgress?.(ids.length);
  }
  return ids;
}

export async function youngPeopleForExport(q: Queryable, partnershipId: string) {
  return q.selectFrom('young_people as yp').leftJoin('users as c', 'c.id', 'yp.counsellor_id')
    .select(['yp.id', 'yp.first_name', 'yp.last_name', 'yp.birth_date', 'yp.phone', 'yp.email', 'yp.address', 'yp.postal_code',
      'yp.referral_source', 'yp.municipal_case_ref', 'yp.guardian_name', 'yp.guardian_phone', 'yp.guardian_email',
      'yp.preferred_contact_times', 'c.email as counsellor_email', 'yp.outcome', 'yp.outcome_education', 'yp.outcome_date', 'yp.next_follow_up',
      sql<string>`to_char(yp.created_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD')`.as('start_date')])
    .where('yp.partnership_id', '=', partnershipId)
    .orderBy('yp.last_name').orderBy('yp.first_name').orderBy('yp.id')
    .execute();
}

// --- companies -------------------------------------------------------------

export async function existingCompanies(q: Queryable, partnershipId: string) {
  return q.selectFrom('companies').select(['id', 'name', 'cvr']).where('partnership_id', '=', partnershipId).execute();
}

export async function companiesForExport(q: Queryable, partnershipId: string) {
  const [companies, contacts, openings] = await Promise.all([
    q.selectFrom('companies').selectAll().where('partnership_id', '=', partnershipId).orderBy('name').orderBy('id').execute(),
    q.selectFrom('company_contacts').selectAll().where('partnership_id', '=', partnershipId).orderBy('created_at').orderBy('id').execute(),
    q.selectFrom('openings').selectAll().where('partnership_id', '=', partnershipId).orderBy('created_at').orderBy('id').execute(),
  ]);
  return { companies, contacts, openings };
}

// --- mentors ---------------------------------------------------------------

export async function existingMentors(q: Queryable, partnershipId: string) {
  return q.selectFrom('mentors').select(['id', 'name', 'email', 'kind']).where('partnership_id', '=', partnershipId).execute();
}

export async function insertMentors(trx: Trx, rows: Record<string, unknown>[]) {
  if (!rows.length) return [];
  const out = await trx.insertInto('mentors').values(rows as never).returning('id').execute();
  return out.map((r) => r.id);
}

export function mentorsForExport(q: Queryable, partnershipId: string) {
  return q.selectFrom('mentors').selectAll().where('partnership_id', '=', partnershipId).orderBy('name').orderBy('id').execute();
}
