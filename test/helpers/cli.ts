import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { createTestDatabase, testEngine } from './db.ts';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm run cli -- …` as a user would, as a separate process. */
export function runCli(args: string[], env: Record<string, string | undefined>, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * Environment for a CLI process with its own empty database: a new PGlite data
 * folder, or a fresh PostgreSQL database when the suite runs on PostgreSQL.
 */
export async function cliDatabaseEnv(): Promise<{ env: Record<string, string | undefined>; close: () => Promise<void> }> {
  if (testEngine() === 'pglite') {
    const dir = mkdtempSync(path.resolve('.tmp', 'cli-'));
    return { env: { DATA_DIR: dir, DATABASE_URL: undefined }, close: async () => {} };
  }
  const database = await createTestDatabase();
  const url = (database as { url?: string }).url!;
  await database.pool.end();
  return { env: { DATABASE_URL: url }, close: async () => {} };
}
