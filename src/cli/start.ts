import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../core/config.ts';
import { buildApp, webDist } from '../app.ts';
import { openMigratedDatabase } from '../core/runtime.ts';
import { isDatabaseEmpty, seedDemo, SeedRefused } from '../demo/seed.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../demo/accounts.ts';
import { startWorker, type Worker } from '../reminders/worker.ts';
import type { App } from '../core/app-types.ts';
import { startMaintenance } from '../ops/maintenance.ts';

export async function startServer(config: Config) {
  const t0 = Date.now();
  ensureWebBuilt();
  await runServer(config, t0);
}

/** Everything of a start but the web build: database, demo seed, worker, HTTP (test/foundation/start-together.test.ts runs it directly). */
export async function runServer(config: Config, t0 = Date.now()) {
  const where = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${path.resolve(config.DATA_DIR)}`;
  console.log(`Opening database: ${where}`);
  const database = await openMigratedDatabase(config, (l) => console.log(l), { serving: true });
  let seeded = false;
  if (config.DEMO_SEED && (await isDatabaseEmpty(database))) {
    console.log('Empty database: loading the demo partnership "Aulum Milen (demo)" …');
    try {
      await seedDemo(database, { log: (l) => console.log(l) });
      seeded = true;
    } catch (err) {
      if (!(err instanceof SeedRefused)) throw err;
      console.log('Another process loaded the demo data first.');
    }
  }
  // Start-up completes every part or the process exits non-zero: a process serving HTTP
  // without its reminder worker (pg-boss failed to start) looked healthy and did nothing.
  let worker: Worker | null = null;
  let app: App | null = null;
  try {
    worker = config.WORKER_ENABLED ? await startWorker(database, config, { log: (l) => console.log(l) }) : null;
    const readiness = () => (config.WORKER_ENABLED && !worker?.running() ? 'worker_not_running' : null);
    app = await buildApp({ config, database, db: database.db, readiness });
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (err) {
    console.error(`Fodfæste could not start: ${(err as Error).message}`);
    await worker?.stop().catch(() => {});
    await app?.close().catch(() => {});
    await database.close().catch(() => {});
    process.exit(1);
  }
  const server = app!; // set: a failed start exited above
  const port = (server.server.address() as { port: number }).port;
  const shown = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
  const stopMaintenance = startMaintenance(database.db, config, (l) => console.log(l));
  // One write, so whoever reads the output sees the URL and the logins together.
  const lines = [`\nFodfæste kører på http://${shown}:${port}  (klar på ${((Date.now() - t0) / 1000).toFixed(1)} s)`];
  if (seeded || (config.DEMO_SEED && (await hasDemoUsers(database)))) {
    lines.push(`\nDemo-logins (adgangskode for alle: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`  ${a.label.padEnd(26)} ${a.email}`);
  }
  console.log(lines.join('\n'));
  const stop = async (signal: string) => {
    stopMaintenance();
    console.log(`\n${signal}: stopping …`);
    await worker?.stop();
    await server.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

async function hasDemoUsers(database: Awaited<ReturnType<typeof openMigratedDatabase>>) {
  const row = await database.db.selectFrom('users').select('id').where('email', '=', DEMO_ACCOUNTS[0].email).executeTakeFirst();
  return Boolean(row);
}

/** Builds the web client when it is missing or older than its sources, so a fresh clone just works. */
function ensureWebBuilt() {
  const index = path.join(webDist, 'index.html');
  const sources = ['web', 'vite.config.ts'].filter((p) => existsSync(p));
  const newest = Math.max(...sources.map(newestMtime));
  if (existsSync(index) && statSync(index).mtimeMs >= newest) return;
  console.log('Building the web client (vite build) …');
  const res = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (res.status !== 0) throw new Error('The web client failed to build (see above).');
}

function newestMtime(p: string): number {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}
