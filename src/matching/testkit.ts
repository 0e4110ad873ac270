// Test-only helpers for the matching tests (not used by product code).
import type { Db } from '../core/db.ts';
import { makeYoungPerson } from '../../test/helpers/factories.ts';

export interface ScreeningSpec {
  interests?: string[]; wishes?: string; days?: number; hours?: number; transport?: string[]; maxTravel?: number;
  barriers?: string[]; earliestStart?: string;
}

export async function makeScreenedYouth(db: Db, partnershipId: string, s: ScreeningSpec & { stage?: string; firstName?: string; counsellorId?: string; birthDate?: string; postalCode?: string; address?: string } = {}) {
  const y = await makeYoungPerson(db, partnershipId, { firstName: s.firstName, counsellorId: s.counsellorId, birthDate: s.birthDate });
  await db.updateTable('young_people').set({ stage: s.stage ?? 'clarification', postal_code: s.postalCode ?? null, address: s.address ?? null }).where('id', '=', y.id).execute();
  await db.insertInto('screenings').values({
    young_person_id: y.id, version: 1, interests: s.interests ?? [], wishes: s.wishes ?? null, days_per_week: s.days ?? 5,
    hours_per_day: s.hours ?? 7, transport: s.transport ?? ['bus'], max_travel_minutes: s.maxTravel ?? 45, barriers: s.barriers ?? [],
    earliest_start: s.earliestStart ?? null,
  }).execute();
  return y.id;
}

export interface OpeningSpec {
  title?: string; tasks?: string; capacity?: number; days?: number; hours?: number; requirements?: string[]; afterHours?: boolean;
  postalCode?: string; experience?: string[]; companyName?: string;
}

export async function makeCompanyWithOpening(db: Db, partnershipId: string, o: OpeningSpec = {}) {
  const c = await db.insertInto('companies').values({
    partnership_id: partnershipId, name: o.companyName ?? `Firma ${Math.random().toString(36).slice(2, 7)}`, membership: 'network_member',
    kind: 'training', experience_tags: o.experience ?? [], postal_code: o.postalCode ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  const op = await db.insertInto('openings').values({
    partnership_id: partnershipId, company_id: c.id, title: o.title ?? 'Lager og pakning', tasks: o.tasks ?? 'Pakke varer og fylde hylder op',
    capacity: o.capacity ?? 1, placement_kinds: ['trial', 'work_placement'], start_days_per_week: o.days ?? 2,
    start_hours_per_day: String(o.hours ?? 4), requirements: o.requirements ?? [], mentor_after_hours: o.afterHours ?? false,
    postal_code: o.postalCode ?? null,
  }).returning('id').executeTakeFirstOrThrow();
  return { companyId: c.id, openingId: op.id };
}

export async function makeVolunteerMentor(db: Db, partnershipId: string, m: { name?: string; interests?: string; industry?: string; hours?: number; recordChecked?: boolean } = {}) {
  const day = '2026-01-05';
  return (await db.insertInto('mentors').values({
    partnership_id: partnershipId, kind: 'volunteer', name: m.name ?? 'Mentor Mona', interests: m.interests ?? 'Fiskeri, lager',
    industry: m.industry ?? 'Lager og logistik', hours_per_month: m.hours ?? 4, intro_talk_on: day, course_on: day, agreement_signed_on: day,
    record_checked_on: m.recordChecked ? day : null,
  }).returning('id').executeTakeFirstOrThrow()).id;
}
