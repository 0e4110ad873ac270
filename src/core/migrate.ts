import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type pg from 'pg';

export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const LOCK_ID = 7_301_001; // one migrator at a time when several app processes start together

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export async function migrate(pool: pg.Pool, onProgress?: (name: string, i: number, n: number) => void) {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations')).rows.map(
        (r) => [r.name, r.checksum],
      ),
    );
    const all = listMigrations();
    const pending = all.filter((m) => !done.has(m.name));
    for (const m of all) {
      const seen = done.get(m.name);
      if (seen && seen !== m.checksum) {
        throw new Error(`Migration ${m.name} was changed after it was applied. Write a new migration instead.`);
      }
    }
    for (const [i, m] of pending.entries()) {
      onProgress?.(m.name, i + 1, pending.length);
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [m.name, m.checksum]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
    }
    return pending.map((m) => m.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => {});
    client.release();
  }
}

/** True when every migration file has been applied (used by /readyz). */
export async function migrationsApplied(pool: pg.Pool): Promise<boolean> {
  const res = await pool.query<{ name: string }>('SELECT name FROM schema_migrations');
  const applied = new Set(res.rows.map((r) => r.name));
  return listMigrations().every((m) => applied.has(m.name));
}
