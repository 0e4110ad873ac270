import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type pg from 'pg';
import type { Database } from '../core/db.ts';

/**
 * Logical backup of every table in the public schema as gzip'ed JSON lines,
 * made with plain SQL so it works the same on PGlite and PostgreSQL and a
 * backup of one can be restored into the other.
 *
 * File layout: a header line {format, version, createdAt, migrations, tables:
 * [{name, columns, rows}]} in foreign-key order, one line per row
 * {"t": table, "r": row}, and a closing line {"end": true, "rows": N} so a cut-off
 * file is refused. The snapshot is one REPEATABLE READ transaction, so the
 * backup is consistent while the app keeps running (PostgreSQL; on PGlite
 * stop the server first: the data folder has one user at a time).
 */
export const BACKUP_FORMAT = 'fodfaeste-backup';
const VERSION = 1;
const BATCH = 1000;

export interface TableInfo {
  name: string;
  columns: string[];
  rows: number;
}
interface Header {
  format: string;
  version: number;
  createdAt: string;
  source: Database['kind'];
  migrations: string[];
  tables: TableInfo[];
}
export type Progress = (line: string, done?: boolean) => void;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables (public schema, not schema_migrations) in an order where referenced tables come first. */
export async function tablesInDependencyOrder(client: pg.PoolClient | pg.Pool): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
    ORDER BY table_name`);
  const { rows: fks } = await client.query<{ child: string; parent: string }>(`
    SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`);
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set()]));
  for (const fk of fks) parents.get(fk.child)?.add(fk.parent);
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t)) return; // done, or a cycle: broken here (restore then relies on deferred checks)
    state.set(t, 'visiting');
    for (const p of parents.get(t) ?? []) if (parents.has(p)) visit(p);
    state.set(t, 'done');
    order.push(t);
  };
  for (const t of tables) visit(t.name);
  return order;
}

async function columnsOf(client: pg.PoolClient, table: string): Promise<string[]> {
  const { rows } = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER'
     ORDER BY ordinal_position`, [table]);
  return rows.map((r) => r.column_name);
}

async function appliedMigrations(client: pg.PoolClient | pg.Pool): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
  return rows.map((r) => r.name);
}

export async function backup(database: Database, file: string, progress: Progress = () => {}): Promise<{ tables: number; rows: number }> {
  const client = await database.pool.connect();
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  const finished = once(out, 'finish');
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  let total = 0;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables: TableInfo[] = [];
    for (const name of await tablesInDependencyOrder(client)) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(name)}`);
      tables.push({ name, columns: await columnsOf(client, name), rows: Number(rows[0].n) });
    }
    const header: Header = { format: BACKUP_FORMAT, version: VERSION, createdAt: new Date().toISOString(), source: database.kind, migrations: await appliedMigrations(client), tables };
    await write(JSON.stringify(header));
    const grand = tables.reduce((s, t) => s + t.rows, 0);
    for (const t of tables) {
      if (t.rows === 0) continue;
      const cols = t.columns.map(ident).join(', ');
      await client.query(`DECLARE backup_cursor NO SCROLL CURSOR FOR SELECT row_to_json(x)::text AS j FROM (SELECT ${cols} FROM ${ident(t.name)}) x`);
      for (;;) {
        const { rows } = await client.query<{ j: string }>(`FETCH ${BATCH} FROM backup_cursor`);
        for (const r of rows) await write(`{"t":${JSON.stringify(t.name)},"r":${r.j}}`);
        total += rows.length;
        progress(`backup: ${t.name} … ${total}/${grand} rows (${grand ? Math.floor((total / grand) * 100) : 100} %)`);
        if (rows.length < BATCH) break;
      }
      await client.query('CLOSE backup_cursor');
    }
    await write(JSON.stringify({ end: true, rows: total }));
    await client.query('COMMIT');
    progress(`backup: ${tables.length} tables, ${total} rows written to ${file}`, true);
    gzip.end();
    await finished;
    return { tables: tables.length, rows: total };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    gzip.destroy();
    out.destroy();
    throw err;
  } finally {
    client.release();
  }
}

export class RestoreRefused extends Error {}

/**
 * Loads a backup into this database, in one transaction: either all of it is
 * restored or nothing changes. The database must be migrated at least as far
 * as the backup; a database that already holds partnerships is refused unless
 * `force` (which replaces all its data).
 */
export async function restore(database: Database, file: string, opts: { force?: boolean; progress?: Progress } = {}): Promise<{ tables: number; rows: number }> {
  const progress = opts.progress ?? (() => {});
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const it = lines[Symbol.asyncIterator]();
  const first = await it.next();
  const header = parseHeader(first.done ? '' : first.value);
  const client = await database.pool.connect();
  try {
    const known = new Set(await appliedMigrations(client));
    const unknown = header.migrations.filter((m) => !known.has(m));
    if (unknown.length) throw new RestoreRefused(`The backup is from a newer version (migrations ${unknown.join(', ')} are not applied here). Upgrade first.`);
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM partnerships');
    if (Number(rows[0].n) > 0 && !opts.force) throw new RestoreRefused('The database is not empty. Use --force to replace all its data with the backup.');
    const here = new Set(await tablesInDependencyOrder(client));
    const missing = header.tables.filter((t) => !here.has(t.name)).map((t) => t.name);
    if (missing.length) throw new RestoreRefused(`Tables in the backup do not exist here: ${missing.join(', ')}`);

    await client.query('BEGIN');
    // Skip foreign-key and other triggers while loading when allowed (superuser, PGlite); else rely on the order.
    await client.query('SAVEPOINT replica');
    try {
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query('RELEASE SAVEPOINT replica');
    } catch {
      await client.query('ROLLBACK TO SAVEPOINT replica');
    }
    await client.query(`SELECT set_config('fodfaeste.audit_purge', 'on', true)`);
    await client.query(`TRUNCATE ${[...here].map(ident).join(', ')} RESTART IDENTITY CASCADE`);
    const grand = header.tables.reduce((s, t) => s + t.rows, 0);
    const byName = new Map(header.tables.map((t) => [t.name, t]));
    const counts = new Map<string, number>();
    let batch: string[] = [];
    let batchTable = '';
    let total = 0;
    let ended: { rows: number } | null = null;
    const flush = async () => {
      if (!batch.length) return;
      const t = byName.get(batchTable)!;
      const cols = t.columns.map(ident).join(', ');
      await client.query(
        `INSERT INTO ${ident(t.name)} (${cols}) ${await overriding(client, t.name)} SELECT ${cols} FROM json_populate_recordset(NULL::${ident(t.name)}, $1::json)`,
        [`[${batch.join(',')}]`],
      );
      total += batch.length;
      counts.set(batchTable, (counts.get(batchTable) ?? 0) + batch.length);
      progress(`restore: ${batchTable} … ${total}/${grand} rows (${grand ? Math.floor((total / grand) * 100) : 100} %)`);
      batch = [];
    };
    for (let next = await it.next(); !next.done; next = await it.next()) {
      const line = next.value;
      if (!line) continue;
      if (line.startsWith('{"end":')) {
        ended = JSON.parse(line) as { rows: number };
        break;
      }
      const m = /^\{"t":("(?:[^"\\]|\\.)*"),"r":(.*)\}$/.exec(line);
      if (!m) throw new RestoreRefused('The backup file is damaged (a line could not be read).');
      const table = JSON.parse(m[1]) as string;
      if (!byName.has(table)) throw new RestoreRefused(`The backup file is damaged (rows for unknown table ${table}).`);
      if (table !== batchTable || batch.length >= BATCH) {
        await flush();
        batchTable = table;
      }
      batch.push(m[2]);
    }
    await flush();
    if (!ended || ended.rows !== total) throw new RestoreRefused('The backup file is incomplete (it ends before its last line). Nothing was restored.');
    for (const t of header.tables) {
      if ((counts.get(t.name) ?? 0) !== t.rows) throw new RestoreRefused(`The backup file is damaged: ${t.name} has ${counts.get(t.name) ?? 0} rows, the header says ${t.rows}.`);
    }
    await resetSequences(client);
    await client.query('COMMIT');
    progress(`restore: ${header.tables.length} tables, ${total} rows restored from ${file}`, true);
    return { tables: header.tables.length, rows: total };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
    lines.close();
  }
}

function parseHeader(line: string): Header {
  let h: Header;
  try {
    h = JSON.parse(line) as Header;
  } catch {
    throw new RestoreRefused('This is not a Fodfæste backup file.');
  }
  if (h.format !== BACKUP_FORMAT) throw new RestoreRefused('This is not a Fodfæste backup file.');
  if (h.version !== VERSION) throw new RestoreRefused(`Backup format version ${h.version} is not supported (expected ${VERSION}).`);
  return h;
}

async function overriding(client: pg.PoolClient, table: string) {
  const { rows } = await client.query(
    `SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND identity_generation = 'ALWAYS'`, [table]);
  return rows.length ? 'OVERRIDING SYSTEM VALUE' : '';
}

/** Serial and identity sequences continue after the restored rows. */
async function resetSequences(client: pg.PoolClient) {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`);
  for (const r of rows) {
    const { rows: seq } = await client.query<{ s: string | null }>('SELECT pg_get_serial_sequence($1, $2) AS s', [ident(r.table_name), r.column_name]);
    if (!seq[0]?.s) continue;
    await client.query(
      `SELECT setval($1, coalesce((SELECT max(${ident(r.column_name)}) FROM ${ident(r.table_name)}), 0) + 1, false)`, [seq[0].s]);
  }
}
