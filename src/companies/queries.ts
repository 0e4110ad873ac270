import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';
import type { CompanySummary, Opening } from './schemas.ts';

type Q = Db | Trx;

/** Statuses that hold a place on an opening (paused keeps the place for the young person's return). */
export const HOLDING_STATUSES = ['planned', 'active', 'paused'] as const;

/**
 * A hire (DOMAIN.md: the outcome "ordinary employment" and the hiring company's
 * job or apprenticeship at the top of the ladder): a placement that ended with
 * reason hired, or an ordinary job or apprenticeship that has started and is
 * still running (active or paused). A planned job, or one that broke down or
 * ended for another reason, is not a hire. Counted once per young person.
 * Use on an alias `p` of placements.
 */
export const IS_HIRE = sql<boolean>`(p.end_reason = 'hired' OR (p.kind IN ('ordinary_job', 'apprenticeship') AND p.status IN ('active', 'paused') AND p.start_date <= current_date))`;

/** The day a hire happened: the end of the placement that led to it, or the job's first day. */
export const HIRED_ON = sql<string>`(CASE WHEN p.end_reason = 'hired' THEN p.end_date ELSE p.start_date END)`;

/**
 * One row per company with the computed figures: "active" means a young person
 * was attached (a placement that started, overlapping the last 12 months).
 */
export async function companySummaries(db: Q, partnershipId: string, companyId?: string): Promise<CompanySummary[]> {
  const { rows } = await sql<{
    id: string; name: string; cvr: string | null; postal_code: string | null; city: string | null; industry: string | null;
    membership: CompanySummary['membership']; kind: CompanySummary['kind']; last_attached: string | null;
    placements: number; hires: number; free_places: number;
  }>`
    SELECT c.id, c.name, c.cvr, c.postal_code, c.city, c.industry, c.membership, c.kind,
      (SELECT max(coalesce(least(p.end_date, current_date), current_date))::text FROM placements p
        WHERE p.company_id = c.id AND p.status <> 'planned' AND p.start_date <= current_date) AS last_attached,
      (SELECT count(*) FROM placements p WHERE p.company_id = c.id)::int AS placements,
      (SELECT count(DISTINCT p.young_person_id) FROM placements p WHERE p.company_id = c.id AND ${IS_HIRE})::int AS hires,
      (SELECT coalesce(sum(greatest(o.capacity - (SELECT count(*) FROM placements p WHERE p.opening_id = o.id
          AND p.status IN ('planned', 'active', 'paused')), 0)), 0)
        FROM openings o WHERE o.company_id = c.id AND o.open)::int AS free_places
    FROM companies c
    WHERE c.partnership_id = ${partnershipId} ${companyId ? sql`AND c.id = ${companyId}` : sql``}`.execute(db);
  const cutoff = monthsAgo(12);
  const out = rows.map((r) => ({
    id: r.id, name: r.name, cvr: r.cvr, postalCode: r.postal_code, city: r.city, industry: r.industry,
    membership: r.membership, kind: r.kind,
    active: r.last_attached !== null && r.last_attached >= cutoff,
    lastAttachedAt: r.last_attached,
    placements: Number(r.placements), hires: Number(r.hires), freePlaces: Number(r.free_places),
  }));
  return out.sort((a, b) => danish.compare(a.name, b.name));
}

export const danish = new Intl.Collator('da');

export function monthsAgo(n: number, from = new Date()): string {
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - n, from.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

export async function findCompany(db: Q, partnershipId: string, id: string) {
  return db.selectFrom('companies').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
}

export async function listContacts(db: Q, companyId: string) {
  const rows = await db.selectFrom('company_contacts').selectAll().where('company_id', '=', companyId).orderBy('name').execute();
  return rows.map((c) => ({ id: c.id, name: c.name, title: c.title, phone: c.phone, email: c.email, hasLogin: c.user_id !== null }));
}

/** Openings with how many places are taken (planned, active or paused placements). */
export async function listOpenings(db: Q, partnershipId: string, filter: { companyId?: string; openingId?: string; freeOnly?: boolean; kind?: string } = {}): Promise<Opening[]> {
  let q = db
    .selectFrom('openings as o')
    .innerJoin('companies as c', 'c.id', 'o.company_id')
    .leftJoin('company_contacts as m', 'm.id', 'o.mentor_contact_id')
    .selectAll('o')
    .select(['c.name as company_name', 'm.name as mentor_name', 'm.phone as mentor_phone'])
    .select((eb) => eb.selectFrom('placements as p').whereRef('p.opening_id', '=', 'o.id')
      .where('p.status', 'in', HOLDING_STATUSES).select(eb.fn.countAll<number>().as('n')).as('taken'))
    .where('o.partnership_id', '=', partnershipId);
  if (filter.companyId) q = q.where('o.company_id', '=', filter.companyId);
  if (filter.openingId) q = q.where('o.id', '=', filter.openingId);
  if (filter.kind) q = q.where(sql<boolean>`${filter.kind} = ANY(o.placement_kinds)`);
  const rows = await q.orderBy('o.title').execute();
  const out = rows.map((o): Opening => {
    const taken = Number(o.taken ?? 0);
    return {
      id: o.id, companyId: o.company_id, companyName: o.company_name, title: o.title, tasks: o.tasks,
      placementKinds: o.placement_kinds as Opening['placementKinds'],
      startDaysPerWeek: o.start_days_per_week, startHoursPerDay: Number(o.start_hours_per_day),
      maxHoursPerWeek: o.max_hours_per_week === null ? null : Number(o.max_hours_per_week), growth: o.growth,
      capacity: o.capacity, taken, freePlaces: Math.max(o.capacity - taken, 0), requirements: o.requirements,
      mentor: o.mentor_contact_id && o.mentor_name ? { id: o.mentor_contact_id, name: o.mentor_name, phone: o.mentor_phone } : null,
      mentorAfterHours: o.mentor_after_hours, location: o.location, postalCode: o.postal_code,
      earliestStart: o.earliest_start, open: o.open,
    };
  });
  return filter.freeOnly ? out.filter((o) => o.open && o.freePlaces > 0) : out;
}
