import { randomBytes } from 'node:crypto';
import type { Db } from '../core/db.ts';
import { systemClock, type Clock } from '../core/clock.ts';
import { hashId } from './sessions.ts';

/**
 * "Husk denne telefon" (issue 21): a company contact may keep a session for 30 days
 * on one device. The device holds a random token in its own HttpOnly cookie (only
 * the hash is stored); the session is bound to it, so the session id alone is not
 * enough, and revoking the device in /settings ends that session at once
 * (sessions.device_id ON DELETE CASCADE). Trade-off: docs/security.md.
 */
export const REMEMBER_DAYS = 30;
/** A remembered session still ends after two weeks without use. */
export const REMEMBER_IDLE_MINUTES = 14 * 24 * 60;

/** Only users whose every membership is company contact get a remembered device. */
export async function mayRememberDevice(db: Db, userId: string): Promise<boolean> {
  const roles = await db.selectFrom('memberships').select('role').where('user_id', '=', userId).execute();
  return roles.length > 0 && roles.every((r) => r.role === 'company_contact');
}

/**
 * The device to bind a remembered session to: the one this browser already has
 * (its cookie names one of the user's live devices), else a new one. Returns the
 * cookie token to set (new or renewed) and the device id.
 */
export async function rememberDevice(db: Db, userId: string, currentToken: string | undefined, userAgent: string | undefined, clock: Clock = systemClock) {
  const expiresAt = new Date(clock.now().getTime() + REMEMBER_DAYS * 86_400_000);
  if (currentToken) {
    const existing = await db.updateTable('trusted_devices').set({ expires_at: expiresAt, last_used_at: clock.now() })
      .where('token_hash', '=', hashId(currentToken)).where('user_id', '=', userId).where('expires_at', '>', clock.now())
      .returning('id').executeTakeFirst();
    if (existing) return { id: existing.id, token: currentToken };
  }
  const token = randomBytes(32).toString('base64url');
  const row = await db.insertInto('trusted_devices')
    .values({ user_id: userId, token_hash: hashId(token), label: deviceLabel(userAgent), expires_at: expiresAt, created_at: clock.now(), last_used_at: clock.now() })
    .returning('id').executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function listDevices(db: Db, userId: string, currentToken: string | undefined, clock: Clock = systemClock) {
  const rows = await db.selectFrom('trusted_devices').select(['id', 'label', 'token_hash', 'created_at', 'last_used_at', 'expires_at'])
    .where('user_id', '=', userId).where('expires_at', '>', clock.now()).orderBy('last_used_at', 'desc').execute();
  const mine = currentToken ? hashId(currentToken) : null;
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: new Date(r.created_at).toISOString(),
    lastUsedAt: new Date(r.last_used_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    current: r.token_hash === mine,
  }));
}

/** Forgets one of the user's devices; its session ends with it. False when it is not theirs. */
export async function revokeDevice(db: Db, userId: string, deviceId: string): Promise<boolean> {
  const res = await db.deleteFrom('trusted_devices').where('id', '=', deviceId).where('user_id', '=', userId).executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

/** "iPhone · Safari": enough to tell one's devices apart, nothing more of the user agent is kept. */
export function deviceLabel(ua: string | undefined): string {
  const s = ua ?? '';
  const device = /iPhone/.test(s) ? 'iPhone' : /iPad/.test(s) ? 'iPad' : /Android/.test(s) ? 'Android'
    : /Windows/.test(s) ? 'Windows' : /Mac OS X|Macintosh/.test(s) ? 'Mac' : /Linux/.test(s) ? 'Linux' : null;
  const browser = /Edg\//.test(s) ? 'Edge' : /Firefox\//.test(s) ? 'Firefox' : /Chrome\//.test(s) ? 'Chrome' : /Safari\//.test(s) ? 'Safari' : null;
  return [device, browser].filter(Boolean).join(' · '); // '' = unknown: the page says so in the reader's language
}
