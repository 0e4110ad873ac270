import { sql } from 'kysely';
import type { Config } from '../core/config.ts';
import type { Db } from '../core/db.ts';
import { runRetention, type RetentionResult } from './retention.ts';

const JOB = 'retention';
const LOCK = 7_301_060;
const DAY_MS = 24 * 3_600_000;

/**
 * Runs the retention job if it has not run in the last 24 hours. Several app
 * processes may call this: a short transaction with an advisory lock claims
 * the day's run in maintenance_runs, so it happens once a day in all. (The work
 * runs after the claim, outside it: PGlite has a single connection.) A failed
 * run gives the claim back so the next hourly check tries again.
 * Returns null when the day's run is done or claimed by another process.
 */
export async function runDailyIfDue(db: Db, config: Config, now = new Date()): Promise<RetentionResult | null> {
  const claim = await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${LOCK}) AS ok`.execute(trx);
    if (!rows[0].ok) return null;
    const last = await trx.selectFrom('maintenance_runs').select('last_run_at').where('job', '=', JOB).executeTakeFirst();
    if (last && now.getTime() - new Date(last.last_run_at).getTime() < DAY_MS) return null;
    await trx.insertInto('maintenance_runs').values({ job: JOB, last_run_at: now })
      .onConflict((oc) => oc.column('job').doUpdateSet({ last_run_at: now })).execute();
    return { previous: last ? new Date(last.last_run_at) : null };
  });
  if (!claim) return null;
  try {
    const result = await runRetention(db, config, now);
    await db.updateTable('maintenance_runs').set({ last_result: JSON.stringify(result) }).where('job', '=', JOB).execute();
    return result;
  } catch (err) {
    if (claim.previous) await db.updateTable('maintenance_runs').set({ last_run_at: claim.previous }).where('job', '=', JOB).execute();
    else await db.deleteFrom('maintenance_runs').where('job', '=', JOB).execute();
    throw err;
  }
}

/**
 * Checks every hour (first a minute after start) whether the daily job is due.
 * Returns a stop function. Started by the server (src/cli/start.ts).
 */
export function startMaintenance(db: Db, config: Config, log: (line: string) => void = () => {}): () => void {
  const tick = async () => {
    try {
      const r = await runDailyIfDue(db, config);
      if (r) log(`retention: ${r.anonymised} young people anonymised, ${r.auditRowsPurged} audit rows purged, ${r.idempotencyKeysPurged} idempotency keys dropped`);
    } catch (err) {
      log(`retention job failed (tried again in an hour): ${(err as Error).message}`);
    }
  };
  const first = setTimeout(() => void tick(), 60_000);
  const every = setInterval(() => void tick(), 3_600_000);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
