import { describe, expect, it } from 'vitest';
import { cliDatabaseEnv, runCli } from '../../test/helpers/cli.ts';

describe('npm run cli on an empty database', () => {
  it('creates the installation administrator, a partnership and its administrator; refuses bad input with a message', async () => {
    const { env } = await cliDatabaseEnv();
    const withPassword = { ...env, FODFAESTE_PASSWORD: 'Langt-og-sikkert-9' };
    const drift = await runCli(['create-user', '--email', 'drift@test.invalid', '--name', 'Drift', '--installation-admin'], withPassword);
    expect(drift.stderr).toBe('');
    expect(drift.code).toBe(0);
    expect(drift.stdout).toContain('Created installation administrator: drift@test.invalid.');

    const created = await runCli(['partnership', 'create', '--name', 'PÅ VEJ', '--slug', 'paa-vej', '--municipality', 'Billund', '--municipality', '630', '--age-from', '15', '--age-to', '29'], env);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created partnership "PÅ VEJ" (paa-vej) for Billund, Vejle.');

    const admin = await runCli(['create-user', '--email', 'admin@test.invalid', '--name', 'Admin', '--role', 'admin', '--partnership', 'paa-vej'], withPassword);
    expect(admin.code).toBe(0);

    const list = await runCli(['partnership', 'list'], env);
    expect(list.stdout).toMatch(/paa-vej\s+PÅ VEJ \(Billund, Vejle\)/);

    const bad = await runCli(['partnership', 'create', '--name', 'X y', '--slug', 'x-y', '--municipality', 'Atlantis'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Ukendt kommune "Atlantis"');
    const taken = await runCli(['partnership', 'create', '--name', 'Igen', '--slug', 'paa-vej', '--municipality', '530'], env);
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toContain('bruges allerede');
  }, 240_000);
});
