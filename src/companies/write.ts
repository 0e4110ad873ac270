import { sql } from 'kysely';
import type { Trx } from '../core/db.ts';
import { AppError, badRequest, conflict, notFound } from '../core/errors.ts';
import { cvrProblem, normaliseCvr } from './cvr.ts';
import { HOLDING_STATUSES } from './queries.ts';
import type { CompanyBody, OpeningBody } from './schemas.ts';

/** Company writes shared by the counsellor's pages and the company contact's own view. */

function cvrValue(input: string | null | undefined): string | null | undefined {
  if (input === undefined) return undefined;
  if (input === null || input.trim() === '') return null;
  const problem = cvrProblem(input);
  if (problem) throw badRequest(problem, [{ field: 'cvr', message: problem }]);
  return normaliseCvr(input);
}

function companyColumns(b: Partial<CompanyBody>) {
  return {
    name: b.name?.trim(),
    cvr: cvrValue(b.cvr),
    address: b.address,
    postal_code: b.postalCode,
    city: b.city,
    industry: b.industry,
    size: b.size,
    membership: b.membership,
    kind: b.kind,
    experience_tags: b.experienceTags,
    notes: b.notes,
  };
}

const dropUndefined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

async function guardCvr<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if ((err as { code?: string; constraint?: string }).code === '23505' && String((err as Error).message).includes('cvr')) {
      throw conflict('Der findes allerede en virksomhed med dette CVR-nummer i netværket.');
    }
    throw err;
  }
}

export async function createCompany(trx: Trx, partnershipId: string, b: CompanyBody) {
  const cols = companyColumns(b);
  return guardCvr(() => trx.insertInto('companies')
    .values({ ...dropUndefined(cols), name: cols.name!, membership: b.membership, kind: b.kind, partnership_id: partnershipId })
    .returning('id').executeTakeFirstOrThrow());
}

export async function updateCompany(trx: Trx, id: string, b: Partial<CompanyBody>) {
  const cols = dropUndefined(companyColumns(b));
  if (Object.keys(cols).length === 0) return;
  await guardCvr(() => trx.updateTable('companies').set({ ...cols, updated_at: new Date() }).where('id', '=', id).execute());
}

function openingColumns(b: Partial<OpeningBody>) {
  return dropUndefined({
    title: b.title?.trim(),
    tasks: b.tasks,
    placement_kinds: b.placementKinds,
    start_days_per_week: b.startDaysPerWeek,
    start_hours_per_day: b.startHoursPerDay === undefined ? undefined : String(b.startHoursPerDay),
    max_hours_per_week: b.maxHoursPerWeek === undefined ? undefined : b.maxHoursPerWeek === null ? null : String(b.maxHoursPerWeek),
    growth: b.growth,
    capacity: b.capacity,
    requirements: b.requirements,
    mentor_contact_id: b.mentorContactId,
    mentor_after_hours: b.mentorAfterHours,
    location: b.location,
    postal_code: b.postalCode,
    earliest_start: b.earliestStart,
    open: b.open,
  });
}

async function checkMentor(trx: Trx, companyId: string, mentorId: string | null | undefined) {
  if (!mentorId) return;
  const m = await trx.selectFrom('company_contacts').select('id').where('id', '=', mentorId).where('company_id', '=', companyId).executeTakeFirst();
  if (!m) throw badRequest('Virksomhedsmentoren skal være en af virksomhedens kontaktpersoner.', [{ field: 'mentorContactId', message: 'Vælg en kontaktperson fra virksomheden.' }]);
}

export async function createOpening(trx: Trx, company: { id: string; partnership_id: string }, b: OpeningBody) {
  await checkMentor(trx, company.id, b.mentorContactId);
  const cols = openingColumns(b);
  return trx.insertInto('openings')
    .values({ ...cols, title: cols.title!, placement_kinds: b.placementKinds, company_id: company.id, partnership_id: company.partnership_id })
    .returning('id').executeTakeFirstOrThrow();
}

/** Capacity may not drop below the places already taken: the opening row is locked while checking. */
export async function updateOpening(trx: Trx, opening: { id: string; company_id: string }, b: Partial<OpeningBody>) {
  await checkMentor(trx, opening.company_id, b.mentorContactId);
  await sql`SELECT id FROM openings WHERE id = ${opening.id} FOR UPDATE`.execute(trx);
  if (b.capacity !== undefined) {
    const { n } = await trx.selectFrom('placements').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('opening_id', '=', opening.id).where('status', 'in', HOLDING_STATUSES).executeTakeFirstOrThrow();
    if (b.capacity < Number(n)) {
      throw new AppError(409, 'capacity', `Pladserne kan ikke sættes til ${b.capacity}: ${n} unge har allerede en plads her.`);
    }
  }
  const cols = openingColumns(b);
  if (Object.keys(cols).length) await trx.updateTable('openings').set({ ...cols, updated_at: new Date() }).where('id', '=', opening.id).execute();
}

export async function findOpening(trx: Trx, partnershipId: string, id: string) {
  return trx.selectFrom('openings').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
}

export async function findContact(trx: Trx, companyId: string, contactId: string) {
  const c = await trx.selectFrom('company_contacts').selectAll().where('company_id', '=', companyId).where('id', '=', contactId).executeTakeFirst();
  if (!c) throw notFound('Kontaktpersonen');
  return c;
}
