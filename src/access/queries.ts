import { sql } from 'kysely';
import type { Db, Trx } from '../core/db.ts';

type Q = Db | Trx;

export async function recentRequests(db: Q, since: Date, account: string, ip: string) {
  const { rows } = await sql<{ by_account: number; by_ip: number }>`
    SELECT count(*) FILTER (WHERE account = ${account})::int AS by_account, count(*) FILTER (WHERE ip = ${ip})::int AS by_ip
    FROM password_reset_requests WHERE at > ${since} AND (account = ${account} OR ip = ${ip})`.execute(db);
  return rows[0];
}

/** Records the request and forgets those older than a day (they hold an address). */
export async function recordRequest(db: Q, account: string, ip: string) {
  await db.deleteFrom('password_reset_requests').where('at', '<', new Date(Date.now() - 86_400_000)).execute();
  await db.insertInto('password_reset_requests').values({ account, ip }).execute();
}

/** The active user with this e-mail and the phone on file: the login's own, else the one on their record as young person, contact or mentor. */
export async function findResetTarget(db: Q, account: string) {
  return db.selectFrom('users as u')
    .select(['u.id', 'u.email', 'u.name',
      sql<string | null>`coalesce(nullif(u.phone, ''),
        (SELECT y.phone FROM young_people y WHERE y.user_id = u.id AND y.phone <> '' LIMIT 1),
        (SELECT c.phone FROM company_contacts c WHERE c.user_id = u.id AND c.phone <> '' LIMIT 1),
        (SELECT m.phone FROM mentors m WHERE m.user_id = u.id AND m.phone <> '' LIMIT 1))`.as('phone')])
    .where(sql<boolean>`lower(u.email) = ${account}`).where('u.active', '=', true).executeTakeFirst();
}

/** A new link voids the user's earlier unused ones. */
export async function insertReset(trx: Trx, r: { userId: string; tokenHash: string; channel: 'email' | 'sms'; expiresAt: Date }) {
  await trx.updateTable('password_resets').set({ used_at: new Date() }).where('user_id', '=', r.userId).where('used_at', 'is', null).execute();
  await trx.insertInto('password_resets').values({ user_id: r.userId, token_hash: r.tokenHash, channel: r.channel, expires_at: r.expiresAt }).execute();
}

/** The name and e-mail of the user a reset link is for: words the new password must not be built from (src/auth/passwords.ts). */
export function findResetOwner(db: Db | Trx, tokenHash: string) {
  return db.selectFrom('password_resets as r').innerJoin('users as u', 'u.id', 'r.user_id').select(['u.name', 'u.email']).where('r.token_hash', '=', tokenHash).executeTakeFirst();
}

export function findResetForUpdate(trx: Trx, tokenHash: string) {
  return trx.selectFrom('password_resets').select(['id', 'user_id', 'expires_at', 'used_at']).where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
}

/**
 * The new password, and every unused reset link of the user spent. The users_end_sessions
 * trigger (migration 0062) ends every session of the user in the same transaction.
 */
export async function setPasswordFromReset(trx: Trx, resetId: string, userId: string, passwordHash: string) {
  await trx.updateTable('password_resets').set({ used_at: new Date() }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
  await trx.updateTable('password_resets').set({ used_at: new Date() }).where('id', '=', resetId).execute();
  return trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).returning('email').executeTakeFirstOrThrow();
}
