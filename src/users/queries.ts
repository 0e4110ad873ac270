import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';
import type { Role } from '../core/policy.ts';
import type { UserSummary } from './schemas.ts';

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

/** Memberships of the partnership, with the user's login facts; young people excluded (see policy.ts). */
function membersQuery(db: Db | Trx, partnershipId: string) {
  return db.selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'u.id', 'u.name', 'u.email', 'm.role', 'm.partnership_id', 'u.active',
      sql<boolean>`u.password_hash IS NOT NULL`.as('password_set'),
      // Kept on the user at every session start (migration 0161): it outlives the sessions a deactivation ends.
      'u.last_login_at',
    ])
    .where('m.partnership_id', '=', partnershipId)
    .where('m.role', '<>', 'young_person');
}

export type MemberRow = Awaited<ReturnType<ReturnType<typeof membersQuery>['executeTakeFirstOrThrow']>>;

export const toSummary = (r: MemberRow): UserSummary => ({
  id: r.id, name: r.name, email: r.email, role: r.role as Role, active: r.active,
  passwordSet: Boolean(r.password_set), lastLoginAt: iso(r.last_login_at),
});

export async function listMembers(db: Db | Trx, partnershipId: string) {
  return membersQuery(db, partnershipId).orderBy('u.active', 'desc').orderBy('u.name').execute();
}

/** The membership row for the policy check; undefined outside the partnership. */
export async function findMember(db: Db | Trx, partnershipId: string, userId: string) {
  return db.selectFrom('memberships').select(['user_id', 'partnership_id', 'role'])
    .where('partnership_id', '=', partnershipId).where('user_id', '=', userId).executeTakeFirst();
}

export async function loadMember(db: Db | Trx, partnershipId: string, userId: string) {
  return membersQuery(db, partnershipId).where('u.id', '=', userId).executeTakeFirstOrThrow();
}

/** How many other partnerships the user belongs to: the account (and its active flag) is shared with them. */
export async function otherMemberships(db: Db | Trx, partnershipId: string, userId: string) {
  const r = await db.selectFrom('memberships').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId).where('partnership_id', '<>', partnershipId).executeTakeFirstOrThrow();
  return Number(r.n);
}
