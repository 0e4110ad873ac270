import { sql } from 'kysely';
import type { Db, Queryable, Trx } from '../core/db.ts';
import { danishCollator, searchWords } from './domain.ts';
import type { YoungPersonRecord } from './presenter.ts';

type Q = Db | Trx;

export function findYoungPersonRow(db: Q, partnershipId: string, id: string) {
  return db.selectFrom('young_people').selectAll().where('partnership_id', '=', partnershipId).where('id', '=', id).executeTakeFirst();
}

export function latestScreening(db: Q, youngPersonId: string) {
  return db.selectFrom('screenings').selectAll().where('young_person_id', '=', youngPersonId).orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** The record the presenter needs: the base row and the newest screening. Only within the actor's partnership. */
export async function findYoungPerson(db: Q, partnershipId: string, id: string): Promise<YoungPersonRecord | undefined> {
  // Both at once: one wait for a connection instead of two when the server is busy.
  const [row, screening] = await Promise.all([findYoungPersonRow(db, partnershipId, id), latestScreening(db, id)]);
  if (!row) return undefined;
  return { ...row, screening: screening ?? null };
}

export function findOwnYoungPersonRow(db: Q, partnershipId: string, userId: string) {
  return db.selectFrom('young_people').selectAll().where('partnership_id', '=', partnershipId).where('user_id', '=', userId).executeTakeFirst();
}

/** The signed-in young person's record with their counsellor's contact details, in one query (the start page). */
export function findOwnYoungPersonWithCounsellor(db: Q, partnershipId: string, userId: string) {
  return db.selectFrom('young_people as y').leftJoin('users as c', 'c.id', 'y.counsellor_id')
    .selectAll('y').select(['c.name as counsellor_name', 'c.phone as counsellor_phone', 'c.email as counsellor_email'])
    .where('y.partnership_id', '=', partnershipId).where('y.user_id', '=', userId).executeTakeFirst();
}

export async function findOwnYoungPerson(db: Q, partnershipId: string, userId: string): Promise<YoungPersonRecord | undefined> {
  const row = await findOwnYoungPersonRow(db, partnershipId, userId);
  if (!row) return undefined;
  return { ...row, screening: (await latestScreening(db, row.id)) ?? null };
}

export interface ListFilter {
  q?: string;
  stage?: string;
  readiness?: string;
  overdue?: boolean;
  noContactDays?: number;
  counsellorId?: string;
  /** Keyset paging: the id of the last young person on the previous page. */
  after?: string;
  limit: number;
}

/**
 * The caseload in Danish name order, one page at a time, all in SQL: the
 * (partnership, [counsellor,] sort_name, id) indexes give the order, so a page
 * reads about `limit` rows however large the partnership is. sort_name is a
 * byte-ordered Danish key kept by a trigger (migrations/0095_scale_hot_paths.sql),
 * as PGlite has no ICU collation.
 */
export async function listYoungPeople(db: Q, partnershipId: string, f: ListFilter, today: string) {
  let query = db
    .selectFrom('young_people as y')
    // The newest screening per young person, found through the (young_person_id, version) index.
    .leftJoinLateral(
      (eb) => eb.selectFrom('screenings as sc').select('sc.readiness').whereRef('sc.young_person_id', '=', 'y.id').orderBy('sc.version', 'desc').limit(1).as('s'),
      (j) => j.onTrue(),
    )
    .select(['y.id', 'y.first_name', 'y.last_name', 'y.birth_date', 'y.counsellor_id', 'y.stage', 's.readiness', 'y.next_follow_up'])
    // Formatted as the API sends it (toISOString's form) in SQL: parsing into a Date and formatting back,
    // row by row, was about 5 % of the server's time on a caseload list.
    .select(sql<string | null>`to_char(y.last_contact_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as('last_contact_at'))
    .where('y.partnership_id', '=', partnershipId);
  if (f.counsellorId) query = query.where('y.counsellor_id', '=', f.counsellorId);
  if (f.q) {
    for (const word of searchWords(f.q)) query = query.where('y.search_name', 'like', `%${word.replace(/[%_\\]/g, '\\$&')}%`);
  }
  if (f.stage) query = query.where('y.stage', '=', f.stage);
  if (f.readiness) query = query.where('s.readiness', '=', f.readiness);
  if (f.overdue) query = query.where('y.next_follow_up', '<', today).where('y.stage', '<>', 'ended');
  if (f.noContactDays) {
    const since = new Date(Date.now() - f.noContactDays * 86_400_000);
    query = query.where((eb) => eb.or([eb('y.last_contact_at', 'is', null), eb('y.last_contact_at', '<', since)])).where('y.stage', '<>', 'ended');
  }
  if (f.after) {
    // After the given row's place in the order (looked up within the partnership: an id from elsewhere ends the list).
    const after = f.after;
    query = query.where(({ eb, refTuple, tuple, selectFrom }) => eb(refTuple('y.sort_name', 'y.id'), '>', tuple(
      selectFrom('young_people as a').select('a.sort_name').where('a.id', '=', after).where('a.partnership_id', '=', partnershipId),
      sql<string>`${after}::uuid`,
    )));
  }
  return query.orderBy('y.sort_name').orderBy('y.id').limit(f.limit).execute();
}

/** "Mine opfølgninger": the counsellor's young people with a follow-up date up to the end of this week. */
export async function followUpsFor(db: Q, partnershipId: string, counsellorId: string, until: string) {
  const rows = await db
    .selectFrom('young_people')
    .select(['id', 'first_name', 'last_name', 'next_follow_up', 'stage'])
    .where('partnership_id', '=', partnershipId)
    .where('counsellor_id', '=', counsellorId)
    .where('stage', '<>', 'ended')
    .where('next_follow_up', 'is not', null)
    .where('next_follow_up', '<=', until)
    .orderBy('next_follow_up')
    .execute();
  return rows.map((r) => ({ id: r.id, firstName: r.first_name, lastName: r.last_name, nextFollowUp: r.next_follow_up!, stage: r.stage }));
}

export function userNames(db: Q, ids: (string | null)[]) {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (list.length === 0) return Promise.resolve(new Map<string, string>());
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', list).execute().then((r) => new Map(r.map((u) => [u.id, u.name])));
}

export function counsellorsOf(db: Q, partnershipId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.partnership_id', '=', partnershipId)
    .where('m.role', '=', 'counsellor')
    .where('u.active', '=', true)
    .execute()
    .then((rows) => rows.sort((a, b) => danishCollator.compare(a.name, b.name)));
}

export const nowSql = sql<Date>`now()`;

/**
 * Young people of the partnership an intake may duplicate: the same birth date
 * and a similar name (trigram similarity on the folded name), or the same phone
 * number or e-mail.
 */
export async function likelyDuplicates(q: Queryable, partnershipId: string, v: { firstName: string; lastName: string; birthDate: string; phone?: string | null; email?: string | null }) {
  const phone = v.phone ? v.phone.replace(/\s/g, '') : null;
  const { rows } = await sql<{ id: string; first_name: string; last_name: string; birth_date: string }>`
    SELECT id, first_name, last_name, birth_date FROM young_people
    WHERE partnership_id = ${partnershipId} AND (
      (birth_date = ${v.birthDate}::date AND similarity(search_name, loose_search_key(${`${v.firstName} ${v.lastName}`})) >= 0.4)
      OR (${phone}::text IS NOT NULL AND replace(phone, ' ', '') = ${phone})
      OR (${v.email ?? null}::text IS NOT NULL AND lower(email) = lower(${v.email ?? null})))
    ORDER BY last_name, first_name LIMIT 5`.execute(q);
  return rows;
}
