import type { Config } from './config.ts';
import { openDatabase, type Database } from './db.ts';
import pg from 'pg';
import { migrate } from './migrate.ts';

/**
 * Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR) and migrates it.
 * `serving`: the server's pool, with DB_STATEMENT_TIMEOUT_MS; migrations then run on a connection of their own
 * without it (an index build may take longer), as do the CLI's long jobs (generate, backup).
 */
export async function openMigratedDatabase(config: Config, log: (line: string) => void = () => {}, opts: { serving?: boolean } = {}): Promise<Database> {
  const timeout = opts.serving && config.DATABASE_URL && config.DB_STATEMENT_TIMEOUT_MS > 0 ? config.DB_STATEMENT_TIMEOUT_MS : undefined;
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DB_POOL_SIZE,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: timeout,
  });
  const migrationPool = timeout ? new pg.Pool({ connectionString: config.DATABASE_URL, max: 1 }) : database.pool;
  try {
    const applied = await migrate(migrationPool, (name, i, n) => log(`  migration ${i}/${n}: ${name}`));
    if (applied.length) log(`Applied ${applied.length} migration(s).`);
  } catch (err) {
    await database.close();
    throw err;
  } finally {
    if (migrationPool !== database.pool) await migrationPool.end();
  }
  return database;
}
