import { loadConfig, type Config } from '../../src/core/config.ts';
import { buildApp } from '../../src/app.ts';
import type { App } from '../../src/core/app-types.ts';
import type { Clock } from '../../src/core/clock.ts';
import { openDatabase, type Database } from '../../src/core/db.ts';
import { createTestDatabase, type TestDatabaseOptions } from '../helpers/db.ts';
import { testAppHandle, type TestApp } from '../helpers/app.ts';

export type SecurityTestApp = TestApp;

/**
 * Like createTestApp, but lets a test register extra routes before the app is
 * ready and open the app on its own pool (e.g. one connection with a short
 * connect timeout to provoke the bounded wait).
 */
export async function createSecurityTestApp(opts: {
  config?: Partial<Config>;
  pool?: { size: number; connectTimeoutMs: number };
  routes?: (app: App) => void;
  database?: TestDatabaseOptions;
  clock?: Clock;
} = {}): Promise<SecurityTestApp> {
  const base = await createTestDatabase(opts.database);
  let database: Database = base;
  if (opts.pool) {
    database = base.pglite
      ? await openDatabase({ pglite: base.pglite, connectTimeoutMs: opts.pool.connectTimeoutMs })
      : await openDatabase({ databaseUrl: base.url, poolSize: opts.pool.size, connectTimeoutMs: opts.pool.connectTimeoutMs });
  }
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), ...opts.config };
  const app = await buildApp({ config, database, db: database.db, clock: opts.clock }, { logger: false });
  try {
    opts.routes?.(app);
    await app.ready();
  } catch (err) {
    await app.close().catch(() => {});
    if (database !== base) await database.close();
    await base.close();
    throw err;
  }
  return testAppHandle(app, database, config, async () => {
    if (database !== base) await database.close();
    await base.close();
  });
}
