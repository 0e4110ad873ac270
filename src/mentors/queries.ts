import type { Selectable } from 'kysely';
import type { MentorsTable } from '../core/db-types.ts';
import type { Db, Trx } from '../core/db.ts';
import type { MentorPatch, MentorView } from './schemas.ts';

type Q = Db | Trx;
export type MentorRow = Selectable<MentorsTable>;

/** Onboarding: intro talk and signed agreement always; the course with a date for volunteers. */
export function onboardingComplete(m: Pick<MentorRow, 'kind' | 'intro_talk_on' | 'agreement_signed_on' | 'course_on'>): boolean {
  if (m.kind !== 'volunteer') return true;
  return Boolean(m.intro_talk_on && m.agreement_signed_on && m.course_on);
}

export function mentorView(m: MentorRow, activeMentorships: number): MentorView {
  return {
    id: m.id, kind: m.kind, name: m.name, phone: m.phone, email: m.email, userId: m.user_id, jobTitle: m.job_title,
    industry: m.industry, interests: m.interests, offers: m.offers, hoursPerMonth: m.hours_per_month, area: m.area,
    placementId: m.placement_id, introTalkOn: m.intro_talk_on, courseOn: m.course_on, recordCheckedOn: m.record_checked_on,
    agreementSignedOn: m.agreement_signed_on, status: m.status, lifelineOptIn: m.lifeline_opt_in,
    onboardingComplete: onboardingComplete(m), activeMentorships,
  };
}

/** Body field → column. */
export function mentorColumns(b: MentorPatch) {
  const map: Record<string, string> = {
    name: 'name', phone: 'phone', email: 'email', userId: 'user_id', jobTitle: 'job_title', industry: 'industry', interests: 'interests',
    offers: 'offers', hoursPerMonth: 'hours_per_month', area: 'area', placementId: 'placement_id', introTalkOn: 'intro_talk_on',
    courseOn: 'course_on', recordCheckedOn: 'record_checked_on', agreementSignedOn: 'agreement_signed_on', status: 'status',
    lifelineOptIn: 'lifeline_opt_in',
  };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(b)) if (k in map && v !== undefined) out[map[k]] = v;
  return out as Partial<MentorRow>;
}

export function findMentor(db: Q, partnershipId: string, id: string) {
  return db.selectFrom('mentors').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
}

export async function activeCounts(db: Q, mentorIds: string[]) {
  if (mentorIds.length === 0) return new Map<string, number>();
  const rows = await db.selectFrom('mentorships').select(['mentor_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mentor_id', 'in', mentorIds).where('status', '=', 'active').groupBy('mentor_id').execute();
  return new Map(rows.map((r) => [r.mentor_id, Number(r.n)]));
}

export function findMentorship(db: Q, partnershipId: string, id: string) {
  return db.selectFrom('mentorships as ms').innerJoin('mentors as m', 'm.id', 'ms.mentor_id')
    .selectAll('ms').select(['m.user_id as mentor_user_id', 'm.name as mentor_name', 'm.kind as mentor_kind'])
    .where('ms.partnership_id', '=', partnershipId).where('ms.id', '=', id).executeTakeFirst();
}
export type MentorshipRow = NonNullable<Awaited<ReturnType<typeof findMentorship>>>;

/** Is this user a member of the partnership with this role? */
export async function isMember(db: Q, partnershipId: string, userId: string, roles: string[]) {
  const r = await db.selectFrom('memberships').select('role').where('partnership_id', '=', partnershipId).where('user_id', '=', userId).executeTakeFirst();
  return Boolean(r && roles.includes(r.role));
}

/** 'YYYY-MM-DD' plus n calendar months (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
