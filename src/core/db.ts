import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './db-types.ts';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** Present when running on the embedded database. */
  pglite?: PGlite;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

// Dates (no time) stay 'YYYY-MM-DD' strings: a birth date must not shift with time zones.
pg.types.setTypeParser(1082, (v) => v);
// bigint counts fit in a JS number for our data sizes.
pg.types.setTypeParser(20, (v) => Number(v));

export const pgliteExtensions = { pg_trgm, unaccent };

export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /** How long a query may wait for a free connection before failing (then answered 503). */
  connectTimeoutMs?: number;
  /**
   * PostgreSQL only, for the serving pool: a statement running longer is cancelled
   * (answered 503), and a transaction left idle for 60 s is ended, so a stuck
   * request cannot hold a connection or an audit chain's head lock for long.
   */
  statementTimeoutMs?: number;
  /** An already opened PGlite (tests load a migrated template into memory). */
  pglite?: PGlite;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      // A bounded wait for a connection: overload answers 503 instead of queueing forever.
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
      idleTimeoutMillis: 30_000,
      ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs, idle_in_transaction_session_timeout: 60_000 } : {}),
    });
    pool.on('error', () => {
      /* a broken idle connection is replaced by the pool; the next query reports errors */
    });
    return wrap(pool, 'postgres');
  }
  let pglite = opts.pglite;
  const owned = !pglite;
  if (!pglite) {
    const dir = opts.dataDir ?? './data';
    if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
    pglite = await PGlite.create(dir, { extensions: pgliteExtensions });
  }
  // PGlite is a single connection: a pool of one serialises transactions safely.
  const pool = new pg.Pool({ ...(createPgConfig(pglite) as object), max: 1, connectionTimeoutMillis: opts.connectTimeoutMs ?? 0 } as pg.PoolConfig);
  const database = wrap(pool, 'pglite', pglite);
  const close = database.close;
  database.close = async () => {
    await close();
    if (owned) await pglite!.close();
  };
  return database;
}

function wrap(pool: pg.Pool, kind: Database['kind'], pglite?: PGlite): Database {
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    pglite,
    kind,
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it used it; migrations use the pool directly.
      if (!pool.ended) await pool.end();
    },
  };
}
