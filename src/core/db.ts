import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './db-types.ts';
import { writeReadAuditsThrough } from './audit-batch.ts';

export type Db = Kysely<DB>;
export type Trx = Transaction<DB>;
/** Either: reads run on the pool (one statement each), multi-step writes in a transaction. */
export type Queryable = Db | Trx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** Present when running on the embedded database. */
  pglite?: PGlite;
  kind: 'pglite' | 'postgres';
  /**
   * PostgreSQL: notifications the database triggers address to this pool's own channel
   * (migration 0110), emitted as 'notification' (payload) on the connection that made
   * the change, before its COMMIT returns.
   */
  ownNotifications?: EventEmitter<{ notification: [string] }>;
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
    return withReadAuditPool({ ...wrap(pool, 'postgres'), ownNotifications: listenOnOwnChannel(pool) }, pool);
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

/**
 * Every connection of the pool names one channel, unique to this pool, and listens on it:
 * the session triggers copy their notifications there, so this process learns of its own
 * changes in step with its commits, not a moment later through a separate listener.
 */
function listenOnOwnChannel(pool: pg.Pool) {
  const channel = `fodfaeste_own_${randomBytes(8).toString('hex')}`;
  const events = new EventEmitter<{ notification: [string] }>();
  pool.on('connect', (client) => {
    client.on('notification', (n) => {
      if (n.channel === channel && n.payload) events.emit('notification', n.payload);
    });
    // Queued before any query of the pool's user; a failure shows on that query anyway.
    client.query(`SELECT set_config('fodfaeste.own_channel', '${channel}', false); LISTEN ${channel}`).catch(() => {});
  });
  return events;
}

/**
 * Reads' audit rows are written by a group writer on a connection of its own (it has
 * one statement in flight at a time), so they never queue behind the reads waiting
 * for the serving pool (audit-batch.ts).
 * PGlite has one connection: there the writer shares it.
 */
function withReadAuditPool(database: Database, pool: pg.Pool): Database {
  const auditPool = new pg.Pool({ ...pool.options, max: 1 });
  auditPool.on('error', () => {});
  const auditDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: auditPool }) });
  writeReadAuditsThrough(database.db, auditDb);
  const close = database.close;
  database.close = async () => {
    await close();
    await auditDb.destroy();
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
