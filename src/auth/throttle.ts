import type { Db } from '../core/db.ts';
import { AppError } from '../core/errors.ts';

/**
 * Login throttling that slows guessing without locking a real user out for good:
 * after FREE_TRIES failures on an account (or IP_FREE_TRIES from one IP) within the
 * window, each further try must wait twice as long as the last, up to MAX_WAIT.
 * The window rolls, so the block always lifts.
 */
const WINDOW_MINUTES = 15;
const FREE_TRIES = 5;
const IP_FREE_TRIES = 30;
const MAX_WAIT_SECONDS = 15 * 60;

export async function assertLoginAllowed(db: Db, account: string, ip: string, now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const [byAccount, byIp] = await Promise.all([
    failures(db, 'account', account, since),
    failures(db, 'ip', ip, since),
  ]);
  const wait = Math.max(waitSeconds(byAccount, FREE_TRIES, now), waitSeconds(byIp, IP_FREE_TRIES, now));
  if (wait > 0) {
    throw new AppError(
      429,
      'login_throttled',
      `For mange forkerte forsøg. Prøv igen om ${wait < 60 ? `${wait} sekunder` : `${Math.ceil(wait / 60)} minutter`}.`,
      undefined,
      { 'retry-after': String(wait) },
    );
  }
}

async function failures(db: Db, column: 'account' | 'ip', value: string, since: Date) {
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('at').as('last')])
    .where(column, '=', value)
    .where('success', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return { n: Number(row.n), last: row.last ? new Date(row.last) : null };
}

function waitSeconds(f: { n: number; last: Date | null }, free: number, now: Date): number {
  if (f.n < free || !f.last) return 0;
  const wait = Math.min(2 ** (f.n - free), MAX_WAIT_SECONDS);
  const until = f.last.getTime() + wait * 1000;
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordLoginAttempt(db: Db, account: string, ip: string, success: boolean) {
  if (success) {
    // A successful login clears the account's failures; the IP's remain.
    await db.deleteFrom('login_attempts').where('account', '=', account).where('success', '=', false).execute();
    return;
  }
  await db.insertInto('login_attempts').values({ account, ip, success }).execute();
}
