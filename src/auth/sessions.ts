import type { AppDeps } from '../core/app-types.ts';
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { systemClock, type Clock } from '../core/clock.ts';
import type { Db } from '../core/db.ts';
import type { Role } from '../core/policy.ts';
import { sessionCacheFor } from './session-cache.ts';

export const SESSION_COOKIE = 'fodfaeste_sid';
/** The "husk denne telefon" device cookie (trusted-devices.ts): a session bound to a device needs it too. */
export const DEVICE_COOKIE = 'fodfaeste_device';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export type { SessionUser } from '../core/session-user.ts';
import type { SessionUser } from '../core/session-user.ts';

/** How one session differs from the installation's defaults ("husk denne telefon"). */
export interface SessionOptions {
  deviceId?: string;
  absoluteHours?: number;
  idleMinutes?: number;
}

export const hashId = (id: string) => createHash('sha256').update(id).digest('hex');

/** Creates a new session (a fresh id at every login) and returns the cookie value. */
export async function createSession(db: Db, userId: string, partnershipId: string | null, s: SessionSettings, o: SessionOptions = {}, clock: Clock = systemClock) {
  const id = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashId(id),
      user_id: userId,
      partnership_id: partnershipId,
      csrf_token: csrfToken,
      created_at: clock.now(),
      last_seen_at: clock.now(),
      expires_at: new Date(clock.now().getTime() + (o.absoluteHours ?? s.absoluteHours) * 3_600_000),
      device_id: o.deviceId ?? null,
      idle_minutes: o.idleMinutes ?? null,
    })
    .execute();
  return { id, csrfToken };
}

/**
 * Looks up a live session; bumps its idle timer at most once a minute to spare writes.
 * A session read in the last minute is answered from this process's cache (session-cache.ts).
 * A session bound to a remembered device is only valid together with that device's cookie.
 */
export async function findSession(db: Db, id: string, s: SessionSettings, o: { deviceToken?: string; clock?: Clock } = {}): Promise<SessionUser | null> {
  const clock = o.clock ?? systemClock;
  const idHash = hashId(id);
  const deviceHash = o.deviceToken ? hashId(o.deviceToken) : null;
  const cache = sessionCacheFor(db);
  const cached = cache?.get(idHash, s.idleMinutes, clock.now().getTime());
  if (cached) return cached.deviceHash && cached.deviceHash !== deviceHash ? null : cached;
  const ticket = cache?.ticket();
  const now = clock.now();
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('memberships as m', (j) => j.onRef('m.user_id', '=', 's.user_id').onRef('m.partnership_id', '=', 's.partnership_id'))
    .leftJoin('trusted_devices as d', 'd.id', 's.device_id')
    .select(['s.id_hash', 's.user_id', 's.partnership_id', 's.csrf_token', 's.last_seen_at', 's.expires_at', 's.device_id', 'd.token_hash as device_hash', 'u.name', 'u.email', 'u.locale', 'm.role'])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', now)
    .where(sql<boolean>`s.last_seen_at > ${now}::timestamptz - make_interval(mins => coalesce(s.idle_minutes, ${s.idleMinutes}::int))`)
    .where('u.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  if (row.device_id !== null && (!row.device_hash || row.device_hash !== deviceHash)) return null;
  let lastSeenAt = new Date(row.last_seen_at);
  if (now.getTime() - lastSeenAt.getTime() > 60_000) {
    lastSeenAt = now;
    await db.updateTable('sessions').set({ last_seen_at: lastSeenAt }).where('id_hash', '=', idHash).execute();
    if (row.device_id) await db.updateTable('trusted_devices').set({ last_used_at: lastSeenAt }).where('id', '=', row.device_id).execute();
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
    deviceHash: row.device_hash,
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

/** The nightly clean-up (src/ops/retention.ts): ended sessions, expired remembered devices, old throttle counters and pending OIDC sign-ins. */
export async function purgeExpiredSessions(db: Db, clock: Clock = systemClock) {
  const now = clock.now();
  await db.deleteFrom('sessions').where('expires_at', '<', now).execute();
  await db.deleteFrom('trusted_devices').where('expires_at', '<', now).execute();
  // A counter older than its 15-minute window starts over anyway; a day leaves room for clock skew.
  await db.deleteFrom('auth_throttle').where('last_at', '<', new Date(now.getTime() - 86_400_000)).execute();
  await db.deleteFrom('oidc_pending_logins').where('created_at', '<', new Date(now.getTime() - 3_600_000)).execute();
}

/** The installation's session timeouts, from the configuration. */
export const sessionSettings = (deps: AppDeps) => ({
  idleMinutes: deps.config.SESSION_IDLE_MINUTES,
  absoluteHours: deps.config.SESSION_ABSOLUTE_HOURS,
});
