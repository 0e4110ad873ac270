import type { Config } from './config.ts';
import { openDatabase, type Database } from './db.ts';
import { migrate } from './migrate.ts';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else PGlite in DATA_DIR) and migrates it. */
export async function openMigratedDatabase(config: Config, log: (line: string) => void = () => {}): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DB_POOL_SIZE,
    connectTimeoutMs: config.DB_CONNECT_TIMEOUT_MS,
  });
  try {
    const applied = await migrate(database.pool, (name, i, n) => log(`  migration ${i}/${n}: ${name}`));
    if (applied.length) log(`Applied ${applied.length} migration(s).`);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
