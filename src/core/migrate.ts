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

/** One migrator at a time when several app processes start together; also held while pg-boss sets up its queues. */
export const LOCK_ID = 7_301_001;

/**
 * Runs `fn` while this process holds the migration lock on a connection of its
 * own, so `fn` may use the pool's other connections. Two processes creating
 * pg-boss queues at once deadlocked in `create_queue` (each attaches a partition
 * to pgboss.job). Waiting for the lock is not cut short by the pool's statement
 * timeout: another process may be migrating. With a one-connection pool (PGlite:
 * one process by design) `fn` runs as it is.
 */
export async function underMigrationLock<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<T> {
  if ((pool.options.max ?? 10) < 2) return fn();
  const client = await pool.connect();
  try {
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    try {
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => {});
      await client.query('RESET statement_timeout').catch(() => {});
    }
  } finally {
    client.release();
  }
}

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
