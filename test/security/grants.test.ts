import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestDatabase } from '../helpers/db.ts';
import type { Database } from '../../src/core/db.ts';

/**
 * docs/sql/grants.sql on the PostgreSQL server: a role set up with it can
 * write and read audit rows and run the retention purge, but cannot UPDATE,
 * DELETE or TRUNCATE the audit log. (PGlite has one user: PostgreSQL only.)
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const role = `fodfaeste_app_${randomBytes(4).toString('hex')}`;
let database: Database & { url?: string };
let client: pg.Client;

describe.skipIf(!onPostgres)('PostgreSQL grants for the app role', () => {
  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`CREATE ROLE ${role} NOLOGIN`);
    await client.query(readFileSync('docs/sql/grants.sql', 'utf8').replaceAll('fodfaeste_app', role));
    await client.query(`SET ROLE ${role}`);
  });
  afterAll(async () => {
    if (!client) return;
    await client.query('RESET ROLE');
    await client.query(`DROP OWNED BY ${role}`);
    await client.query(`DROP ROLE ${role}`);
    await client.end();
    await database.close();
  });

  it('the app role writes and reads audit rows but cannot change or remove them', async () => {
    const { rows } = await client.query(`INSERT INTO audit_log (action, subject_kind, purpose, prev_hash, hash) VALUES ('read', 'young_person', 'test', 'x', 'y') RETURNING id`);
    expect(rows[0].id).toBeDefined();
    expect((await client.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBeGreaterThan(0);
    await expect(client.query(`UPDATE audit_log SET purpose = 'changed'`)).rejects.toThrow(/permission denied/);
    await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
    await expect(client.query(`TRUNCATE audit_log`)).rejects.toThrow(/permission denied/);
    // Even with the purge switch set, a direct DELETE is refused by the grants.
    await client.query('BEGIN');
    await client.query(`SELECT set_config('fodfaeste.audit_purge', 'on', true)`);
    await expect(client.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
    await client.query('ROLLBACK');
  });

  it('the retention purge works through purge_audit_log, and ordinary tables are writable', async () => {
    const { rows } = await client.query(`SELECT purge_audit_log(now() + interval '1 day') AS n`);
    expect(Number(rows[0].n)).toBeGreaterThan(0);
    await client.query(`INSERT INTO partnerships (name, slug) VALUES ('Grants', 'grants-${role}')`);
    await client.query(`DELETE FROM partnerships WHERE slug = 'grants-${role}'`);
    await expect(client.query(`DELETE FROM audit_purges`)).rejects.toThrow(/permission denied/);
  });
});
