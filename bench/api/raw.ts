import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { DB } from '../../src/core/db-types.ts';
import { listYoungPeople } from '../../src/youth/queries.ts';
import type { Fixtures } from './fixtures.ts';

/**
 * Runs the caseload list query the app runs (captured from the youth feature's
 * own query function) straight through pg, at the same concurrency and pool size.
 * Returns every query's time in ms.
 */
export async function rawListQuery(url: string, fx: Fixtures, poolSize: number, concurrency: number, seconds: number): Promise<number[]> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  try {
    const sample = fx.counsellors[0];
    const captured = await captureSql(pool, sample.partnershipId, sample.userId);
    const latencies: number[] = [];
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (Date.now() < until) {
          const c = fx.counsellors[Math.floor(Math.random() * fx.counsellors.length)];
          const params = captured.parameters.map((p) => (p === sample.partnershipId ? c.partnershipId : p === sample.userId ? c.userId : p));
          const t0 = performance.now();
          await pool.query(captured.sql, params as unknown[]);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    return latencies;
  } finally {
    await pool.end();
  }
}

async function captureSql(pool: pg.Pool, partnershipId: string, counsellorId: string): Promise<CompiledQuery> {
  let captured: CompiledQuery | null = null;
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query' && !captured) captured = e.query;
    },
  });
  await listYoungPeople(db, partnershipId, { counsellorId, limit: 50 }, new Date().toISOString().slice(0, 10));
  if (!captured) throw new Error('could not capture the list query');
  return captured;
}
