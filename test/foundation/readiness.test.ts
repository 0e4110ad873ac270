// /readyz reflects the reminder worker (issue #22): a process whose worker is not
// running answers 503, so a load balancer or orchestrator stops sending it work.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/core/config.ts';
import { buildApp } from '../../src/app.ts';
import type { App } from '../../src/core/app-types.ts';
import { startWorker, type Worker } from '../../src/reminders/worker.ts';
import { createTestDatabase } from '../helpers/db.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let app: App;
let worker: Worker | null = null;

beforeAll(async () => {
  database = await createTestDatabase();
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), WORKER_ENABLED: true };
  // As src/cli/start.ts wires it.
  app = await buildApp({ config, database, db: database.db, readiness: () => (!worker?.running() ? 'worker_not_running' : null) }, { logger: false });
});
afterAll(async () => {
  await worker?.stop();
  await app?.close();
  await database?.close();
});

it('is 503 worker_not_running until the worker runs, 200 while it runs, 503 again once it stopped', async () => {
  const before = await app.inject('/readyz');
  expect([before.statusCode, before.json()]).toEqual([503, { status: 'worker_not_running' }]);
  worker = await startWorker(database, loadConfig({ LOG_LEVEL: 'silent' }), { pollSeconds: 1 });
  const during = await app.inject('/readyz');
  expect([during.statusCode, during.json()]).toEqual([200, { status: 'ready' }]);
  await worker.stop();
  expect((await app.inject('/readyz')).statusCode).toBe(503);
});
