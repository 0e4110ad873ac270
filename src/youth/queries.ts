import type { Db, Trx } from '../core/db.ts';

export function findYoungPerson(db: Db | Trx, partnershipId: string, id: string) {
  return db
    .selectFrom('young_people')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function listYoungPeople(db: Db | Trx, partnershipId: string, opts: { q?: string; limit: number }) {
  let query = db
    .selectFrom('young_people')
    .select(['id', 'first_name', 'last_name', 'birth_date', 'counsellor_id'])
    .where('partnership_id', '=', partnershipId);
  if (opts.q) {
    const like = `%${opts.q.replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb('first_name', 'ilike', like), eb('last_name', 'ilike', like)]));
  }
  return query.orderBy('last_name').orderBy('first_name').limit(opts.limit).execute();
}
