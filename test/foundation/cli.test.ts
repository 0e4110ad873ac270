import { describe, expect, it } from 'vitest';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { cliDatabaseEnv, runCli } from '../helpers/cli.ts';
import { pgliteExtensions } from '../../src/core/db.ts';

describe('command line', () => {
  it('lists its commands with --help', async () => {
    const res = await runCli(['--help'], {});
    expect(res.code).toBe(0);
    for (const c of ['migrate', 'seed', 'create-user', 'audit verify']) expect(res.stdout).toContain(c);
  });

  it('stops with a clear message on bad configuration', async () => {
    const res = await runCli(['migrate'], { PORT: 'abc' });
    expect(res.code).toBe(78);
    expect(res.stderr).toMatch(/Invalid configuration:[\s\S]*PORT/);
  });

  it('seeds an empty database, refuses a non-empty one, and audit verify catches an edited row', async () => {
    const { env } = await cliDatabaseEnv();
    const seeded = await runCli(['seed'], env);
    expect(seeded.stderr).toBe('');
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/Demo data loaded/);

    const again = await runCli(['seed'], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty.*--force/);

    const created = await runCli(['create-user', '--email', 'ny@test.invalid', '--name', 'Ny Vejleder', '--role', 'counsellor', '--partnership', 'aulum-milen-demo'], { ...env, FODFAESTE_PASSWORD: 'Langt-og-sikkert-9' });
    expect(created.code).toBe(0);

    // Row-level tampering is covered in src/core/audit.test.ts; here the CLI must report a forged head.
    const ok = await runCli(['audit', 'verify'], env);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Audit log OK/);

    await withSql(env, async (q) => {
      await q(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only`);
      await q(`INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, 'x') ON CONFLICT (id) DO UPDATE SET last_hash = 'x'`);
      await q(`ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only`);
    });
    const broken = await runCli(['audit', 'verify'], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/Audit log BROKEN/);
  }, 240_000);
});

async function withSql(env: Record<string, string | undefined>, fn: (q: (s: string) => Promise<unknown>) => Promise<void>) {
  if (env.DATABASE_URL) {
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    try {
      await fn((s) => c.query(s));
    } finally {
      await c.end();
    }
    return;
  }
  const lite = await PGlite.create(env.DATA_DIR!, { extensions: pgliteExtensions });
  try {
    await fn((s) => lite.exec(s));
  } finally {
    await lite.close();
  }
}
