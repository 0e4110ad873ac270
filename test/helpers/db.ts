import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteExtensions, type Database } from '../../src/core/db.ts';
import { withDb } from '../global-setup.ts';

/**
 * A fresh, migrated database for one test file: a copy of the template made in
 * global setup (PGlite: loaded from its dump; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const tpl = inject('dbTemplate');
  if (tpl.kind === 'pglite') {
    const lite = await PGlite.create({ loadDataDir: new Blob([readFileSync(tpl.file)]), extensions: pgliteExtensions });
    const database = await openDatabase({ pglite: lite });
    const close = database.close;
    return { ...database, close: async () => { await close(); await lite.close(); } };
  }
  const name = `${tpl.template}_${randomBytes(4).toString('hex')}`;
  await adminQuery(tpl.url, `CREATE DATABASE ${name} TEMPLATE ${tpl.template}`);
  const url = withDb(tpl.url, name);
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

async function adminQuery(url: string, text: string) {
  for (let attempt = 0; ; attempt++) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(text);
      return;
    } catch (err) {
      // Two files copying the template at the same instant can collide; retry briefly.
      if (attempt < 5 && /being accessed by other users/.test((err as Error).message)) {
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
        continue;
      }
      throw err;
    } finally {
      await c.end();
    }
  }
}
