import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteExtensions, type Database } from '../../src/core/db.ts';
import { seedDemo } from '../../src/demo/seed.ts';
import { withDb, type DbTemplates } from '../global-setup.ts';

export interface TestDatabaseOptions {
  /** Start from the demo partnership (seeded once per run in global setup) instead of an empty database. */
  demo?: boolean;
}

/** Which engine this run's database tests use: PGlite by default, PostgreSQL when DATABASE_URL is set. */
export const testEngine = (): 'pglite' | 'postgres' => inject('dbTemplates').kind;

/**
 * A fresh, migrated database for one test file: a copy of a template made in
 * global setup (PGlite: loaded from its dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export async function createTestDatabase(opts: TestDatabaseOptions = {}): Promise<Database & { url?: string }> {
  const tpl = inject('dbTemplates');
  if (opts.demo) await ensureDemoTemplate(tpl);
  const source = opts.demo ? tpl.demo : tpl.migrated;
  if (tpl.kind === 'pglite') {
    const lite = await PGlite.create({ loadDataDir: new Blob([readFileSync(source)]), extensions: pgliteExtensions });
    const database = await openDatabase({ pglite: lite });
    const close = database.close;
    return { ...database, close: async () => { await close(); await lite.close(); } };
  }
  const name = `${tpl.migrated}_${randomBytes(4).toString('hex')}`;
  await adminQuery(tpl.url, `CREATE DATABASE ${name} TEMPLATE ${source}`);
  const ownerUrl = withDb(tpl.url, name);
  // TEST_DB_ROLE=fodfaeste_app: the copy is the owner's (migrated as the owner); the tests then run as the
  // restricted app role with exactly the rights docs/sql/grants.sql gives it, so the grants are proven.
  const role = process.env.TEST_DB_ROLE;
  if (role) await grantAppRole(ownerUrl, role);
  const url = role ? asRole(ownerUrl, role) : ownerUrl;
  const database = await openDatabase({ databaseUrl: url, poolSize: 10 });
  const close = database.close;
  return {
    ...database,
    url,
    close: async () => {
      await close();
      await adminQuery(tpl.url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** The URL with another user (no password: the test server trusts local connections, as in .ci). */
function asRole(url: string, role: string) {
  const u = new URL(url);
  u.username = role;
  u.password = '';
  return u.toString();
}

/** Creates the login role once (tolerating a parallel file doing the same) and applies docs/sql/grants.sql to this copy. */
async function grantAppRole(ownerUrl: string, role: string) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`TEST_DB_ROLE must be a plain role name, got ${role}`);
  const grants = readFileSync(new URL('../../docs/sql/grants.sql', import.meta.url), 'utf8').replaceAll('fodfaeste_app', role);
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    try {
      await c.query(`DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} LOGIN; END IF; END $$`);
    } catch (err) {
      // Two files creating it at the same instant: one wins, which is all we need.
      if (!['42710', '23505'].includes((err as { code?: string }).code ?? '')) throw err;
    }
    await c.query(grants);
  } finally {
    await c.end();
  }
}

/**
 * The demo template is seeded by the first file that needs it, once per run:
 * other files (in other workers) wait for it. Runs that need no demo data skip it.
 */
async function ensureDemoTemplate(tpl: DbTemplates) {
  if (tpl.kind === 'pglite') {
    if (existsSync(tpl.demo)) return;
    const lock = `${tpl.demo}.lock`;
    for (;;) {
      if (existsSync(tpl.demo)) return;
      if (tryLock(lock)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    try {
      if (existsSync(tpl.demo)) return;
      const lite = await PGlite.create({ loadDataDir: new Blob([readFileSync(tpl.migrated)]), extensions: pgliteExtensions });
      const database = await openDatabase({ pglite: lite });
      await seedDemo(database);
      const dump = Buffer.from(await (await lite.dumpDataDir('none')).arrayBuffer());
      await database.close();
      await lite.close();
      writeFileSync(`${tpl.demo}.part`, dump);
      renameSync(`${tpl.demo}.part`, tpl.demo);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return;
  }
  const c = new pg.Client({ connectionString: tpl.url });
  await c.connect();
  try {
    await c.query('SELECT pg_advisory_lock(7301099)');
    const { rowCount } = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [tpl.demo]);
    if (rowCount) return;
    const building = `${tpl.demo}_building`;
    await adminQuery(tpl.url, `CREATE DATABASE ${building} TEMPLATE ${tpl.migrated}`);
    const database = await openDatabase({ databaseUrl: withDb(tpl.url, building), poolSize: 2 });
    await seedDemo(database);
    await database.close();
    await c.query(`ALTER DATABASE ${building} RENAME TO ${tpl.demo}`);
  } finally {
    await c.query('SELECT pg_advisory_unlock(7301099)').catch(() => {});
    await c.end();
  }
}

function tryLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    return true;
  } catch {
    // A lock left by a killed worker is taken over after two minutes.
    if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

async function adminQuery(url: string, text: string) {
  for (let attempt = 0; ; attempt++) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(text);
      return;
    } catch (err) {
      // Two files copying the template at the same instant can collide; retry briefly.
      if (attempt < 8 && /being accessed by other users/.test((err as Error).message)) {
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
        continue;
      }
      throw err;
    } finally {
      await c.end();
    }
  }
}
