import { sql } from 'kysely';
import type { Db } from '../core/db.ts';
import { AppError } from '../core/errors.ts';
import { systemClock, type Clock } from '../core/clock.ts';

/**
 * Throttling of password and code guessing that slows an attacker without locking
 * the real owner out. Each key (an account at one IP, the account from any IP, one
 * IP, one user's TOTP codes) allows `free` tries; after that each further try must
 * wait twice as long as the last, up to `maxSeconds`. A key's count starts over
 * when its last try is older than the window, so the block always lifts.
 *
 * A try is COUNTED BEFORE the password or code is checked, by one conditional
 * upsert per key in one transaction (row locks serialise parallel tries, also
 * across processes): 40 parallel guesses get at most `free` checks. A try that
 * turns out right is taken back (clearTries / refundTries).
 */
export interface ThrottleRule { free: number; baseSeconds: number; maxSeconds: number }

const WINDOW_MINUTES = 15;
/**
 * One account from one IP: the attacker's own door; 5 free tries, then 30 s, 1 min, 2 min … up to
 * 15 minutes. (The first wait is long enough that a burst of parallel tries gets no 6th check.)
 */
export const ACCOUNT_AT_IP: ThrottleRule = { free: 5, baseSeconds: 30, maxSeconds: 15 * 60 };
/** One account from every IP together: more free tries and a wait capped at a minute, so the owner at another IP still gets in. */
export const ACCOUNT_ANY_IP: ThrottleRule = { free: 20, baseSeconds: 5, maxSeconds: 60 };
/** One IP across accounts (an office behind one address logs in too: successes are taken back). */
export const ONE_IP: ThrottleRule = { free: 30, baseSeconds: 30, maxSeconds: 15 * 60 };
/** A logged-in user's TOTP codes (confirm / turn off, the code after the municipality's login). */
export const TOTP_CODES: ThrottleRule = { free: 5, baseSeconds: 30, maxSeconds: 15 * 60 };

export interface ThrottleKey { key: string; rule: ThrottleRule }

export const loginKeys = (account: string, ip: string): ThrottleKey[] => [
  { key: `login:${account}|${ip}`, rule: ACCOUNT_AT_IP },
  { key: `login:${account}`, rule: ACCOUNT_ANY_IP },
  { key: `login-ip:${ip}`, rule: ONE_IP },
];
export const totpKeys = (userId: string): ThrottleKey[] => [{ key: `totp:${userId}`, rule: TOTP_CODES }];

const waitFor = (rule: ThrottleRule) =>
  sql`least(${rule.baseSeconds}::float8 * power(2::float8, greatest(t.tries - ${rule.free}, 0)), ${rule.maxSeconds}::float8)`;

/** Counts one try on every key, or none and throws 429 when any key is still waiting. */
export async function reserveTry(db: Db, keys: ThrottleKey[], clock: Clock = systemClock): Promise<void> {
  const now = clock.now();
  const windowStart = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  // Keys are locked in one order, so two parallel reservations cannot deadlock.
  const sorted = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
  const refused = await db.transaction().execute(async (trx) => {
    for (const { key, rule } of sorted) {
      const res = await sql<{ tries: number }>`
        INSERT INTO auth_throttle AS t (key, tries, last_at) VALUES (${key}, 1, ${now}::timestamptz)
        ON CONFLICT (key) DO UPDATE SET
          tries = CASE WHEN t.last_at <= ${windowStart}::timestamptz THEN 1 ELSE t.tries + 1 END,
          last_at = ${now}::timestamptz
        WHERE t.last_at <= ${windowStart}::timestamptz
           OR t.tries < ${rule.free}
           OR t.last_at + make_interval(secs => ${waitFor(rule)}) <= ${now}::timestamptz
        RETURNING t.tries`.execute(trx);
      if (res.rows.length === 0) throw new Refused({ key, rule });
    }
    return null;
  }).catch((err: unknown) => {
    if (err instanceof Refused) return err.at;
    throw err;
  });
  if (!refused) return;
  // The transaction counted nothing (a refusal below rolls it back); tell how long to wait.
  const row = await sql<{ wait: number }>`
    SELECT extract(epoch FROM (t.last_at + make_interval(secs => ${waitFor(refused.rule)}) - ${now}::timestamptz))::float8 AS wait
    FROM auth_throttle t WHERE t.key = ${refused.key}`.execute(db);
  throw throttled(Math.max(1, Math.ceil(Number(row.rows[0]?.wait ?? 1))));
}

/** Thrown inside the transaction so the tries already counted on other keys roll back. */
class Refused extends Error {
  constructor(readonly at: ThrottleKey) { super('throttled'); }
}

export function throttled(wait: number) {
  return new AppError(
    429,
    'login_throttled',
    `For mange forkerte forsøg. Prøv igen om ${wait < 60 ? `${wait} sekunder` : `${Math.ceil(wait / 60)} minutter`}.`,
    undefined,
    { 'retry-after': String(wait) },
  );
}

/** After a right password (and code): the account's failures are forgotten. */
export async function clearTries(db: Db, keys: ThrottleKey[]) {
  await db.deleteFrom('auth_throttle').where('key', 'in', keys.map((k) => k.key)).execute();
}

/** Takes one counted try back (a right answer that must not count against an IP, or a try that checked nothing). */
export async function refundTries(db: Db, keys: ThrottleKey[]) {
  await db.updateTable('auth_throttle').set((eb) => ({ tries: sql<number>`greatest(${eb.ref('tries')} - 1, 0)` }))
    .where('key', 'in', keys.map((k) => k.key)).execute();
}

/** The log of password checks (login_attempts): failures per account, cleared by a successful login. */
export async function recordLoginAttempt(db: Db, account: string, ip: string, success: boolean) {
  if (success) {
    await db.deleteFrom('login_attempts').where('account', '=', account).where('success', '=', false).execute();
    return;
  }
  await db.insertInto('login_attempts').values({ account, ip, success }).execute();
}
