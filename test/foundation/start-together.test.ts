// Issue #22, "Robust start-up": two processes starting together on a fresh
// PostgreSQL deadlocked in pg-boss's create_queue, and the loser kept serving HTTP
// with no reminder worker while /readyz said ready. Now pg-boss is set up under the
// migration lock and a failed start exits non-zero. Three processes start together,
// ten rounds, each on a database whose pg-boss schema is gone (the part that
// deadlocked; the app's own migrations are copied from the template to save time).
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../helpers/db.ts';
import { loadConfig } from '../../src/core/config.ts';
import { openDatabase } from '../../src/core/db.ts';
import { startWorker } from '../../src/reminders/worker.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';

// Workers in this process start in about a second a round: ten rounds always. Real
// processes take 20–75 s a round (each imports and compiles the whole app): one
// round in `npm test`, ten in `npm run test:long`; START_ROUNDS=n sets it.
const ROUNDS = 10;
const PROCESS_ROUNDS = Number(process.env.START_ROUNDS ?? (process.env.FC_LONG ? 10 : 1));
const PROCESSES = 3;

describe.runIf(testEngine() === 'postgres')('three reminder workers starting at the same instant on a fresh pg-boss schema', () => {
  // Three pools are three sessions, as three processes would be, but they start to the
  // millisecond: without the lock two of three got "deadlock detected" in every round.
  it(`all three start, ${ROUNDS} rounds`, async () => {
    const database = await createTestDatabase();
    const url = database.url!;
    await database.pool.end();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent' });
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        await admin.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
        const pools = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url, poolSize: 4 })));
        const starts = await Promise.allSettled(pools.map((d) => startWorker(d, config)));
        for (const s of starts) if (s.status === 'fulfilled') await s.value.stop();
        await Promise.all(pools.map((d) => d.close()));
        expect(starts.map((s) => (s.status === 'fulfilled' ? 'started' : String(s.reason))), `round ${round}`).toEqual(['started', 'started', 'started']);
      }
    } finally {
      await admin.end();
    }
  }, 300_000);
});

describe.runIf(testEngine() === 'postgres')('three processes starting together on a fresh PostgreSQL', () => {
  const running: ServerProcess[] = [];
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop('SIGKILL')));
  });

  it(`start completely (worker running, /readyz ready) or not at all, ${PROCESS_ROUNDS} rounds`, async () => {
    const database = await createTestDatabase();
    const url = database.url!;
    await database.pool.end();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const dir = mkdtempSync(path.resolve('.tmp', 'start-together-'));
    const env = {
      DATABASE_URL: url, DEMO_SEED: 'false', DATA_DIR: dir, LOG_LEVEL: 'warn',
      SECRETS_KEY: 'a'.repeat(64), AUDIT_CHECKPOINT_DIR: path.join(dir, 'checkpoints'), AUDIT_SIGNING_KEY: path.join(dir, 'signing.pem'),
    };
    try {
      for (let round = 1; round <= PROCESS_ROUNDS; round++) {
        await admin.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
        const starts = await Promise.allSettled(
          Array.from({ length: PROCESSES }, () => startServerProcess(env, 120_000, ['test/helpers/run-server.ts'])),
        );
        const started = starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
        running.push(...started);
        const failed = starts.flatMap((s) => (s.status === 'rejected' ? [String((s.reason as Error).message)] : []));
        expect(failed, `round ${round}: a process did not start:\n${failed.join('\n---\n')}`).toEqual([]);
        for (const p of started) {
          const ready = await fetch(`${p.url}/readyz`);
          expect({ round, status: ready.status, body: await ready.json() }).toEqual({ round, status: 200, body: { status: 'ready' } });
          expect(p.output(), `round ${round}`).not.toMatch(/deadlock|could not start/i);
        }
        const queues = await admin.query<{ name: string }>('SELECT name FROM pgboss.queue ORDER BY name');
        expect(queues.rows.map((r) => r.name), `round ${round}`).toEqual(expect.arrayContaining(['outbox-dispatch', 'reminders-scan']));
        await Promise.all(started.map((p) => p.stop()));
        for (const p of started) expect(p.child.exitCode, `round ${round}: exit after SIGTERM`).toBe(0);
        running.length = 0;
      }
    } finally {
      await admin.end();
    }
  }, 900_000);
});
