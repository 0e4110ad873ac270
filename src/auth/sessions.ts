import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../core/db.ts';
import type { Role } from '../core/policy.ts';
import { sessionCacheFor } from './session-cache.ts';

export const SESSION_COOKIE = 'fodfaeste_sid';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export interface SessionUser {
  sessionHash: string;
  userId: string;
  name: string;
  email: string;
  locale: string;
  partnershipId: string | null;
  role: Role | null;
  csrfToken: string;
}

const hashId = (id: string) => createHash('sha256').update(id).digest('hex');

/** Creates a new session (a fresh id at every login) and returns the cookie value. */
export async function createSession(db: Db, userId: string, partnershipId: string | null, s: SessionSettings) {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashId(id),
      user_id: userId,
      partnership_id: partnershipId,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + s.absoluteHours * 3_600_000),
    })
    .execute();
  return { id, csrfToken };
}

/**
 * Looks up a live session; bumps its idle timer at most once a minute to spare writes.
 * A session read in the last minute is answered from this process's cache (session-cache.ts).
 */
export async function findSession(db: Db, id: string, s: SessionSettings): Promise<SessionUser | null> {
  const idHash = hashId(id);
  const cache = sessionCacheFor(db);
  const cached = cache?.get(idHash, s.idleMinutes);
  if (cached) return cached;
  const ticket = cache?.ticket();
  const idleSince = new Date(Date.now() - s.idleMinutes * 60_000);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 's.user_id').onRef('m.partnership_id', '=', 's.partnership_id'))
    .select(['s.id_hash', 's.user_id', 's.partnership_id', 's.csrf_token', 's.last_seen_at', 's.expires_at', 'u.name', 'u.email', 'u.locale', 'm.role'])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', new Date())
    .where('s.last_seen_at', '>', idleSince)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  let lastSeenAt = new Date(row.last_seen_at);
  if (Date.now() - lastSeenAt.getTime() > 60_000) {
    lastSeenAt = new Date();
    await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id_hash', '=', idHash).execute();
  }
  const user: SessionUser = {
    sessionHash: row.id_hash,
    userId: row.user_id,
    name: row.name,
    email: row.email,
    locale: row.locale,
    partnershipId: row.role ? row.partnership_id : null,
    role: (row.role as Role | null) ?? null,
    csrfToken: row.csrf_token,
  };
  if (ticket !== undefined) cache!.put(ticket, user, row.expires_at, lastSeenAt);
  return user;
}

// The writes below also forget the session in this process's cache at once; the database
// triggers (migration 0110) tell every process, this one included, on commit.

export async function destroySession(db: Db, id: string) {
  const idHash = hashId(id);
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  sessionCacheFor(db)?.evictSession(idHash);
}

/** Ends every session of a user: on deactivation, role change or password change. */
export async function destroyUserSessions(db: Db, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  sessionCacheFor(db)?.evictUser(userId);
}

export async function setSessionPartnership(db: Db, sessionHash: string, partnershipId: string) {
  await db.updateTable('sessions').set({ partnership_id: partnershipId }).where('id_hash', '=', sessionHash).execute();
  sessionCacheFor(db)?.evictSession(sessionHash);
}

export async function purgeExpiredSessions(db: Db) {
  await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
}
