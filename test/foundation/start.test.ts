import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliDatabaseEnv } from '../helpers/cli.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/accounts.ts';

describe('npm start on an empty database', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    const { env } = await cliDatabaseEnv();
    server = await startServerProcess(env);
  }, 240_000);
  afterAll(() => server?.stop());

  it('prints the URL and one demo login per role', () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+$/);
    expect(server.output()).toContain(DEMO_PASSWORD);
    for (const a of DEMO_ACCOUNTS) expect(server.output()).toContain(a.email);
  });

  it('is live and ready, and serves the app and the API description', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('lang="da"');
    const openapi = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string; paths: object };
    expect(openapi.openapi).toBe('3.0.3');
    expect(Object.keys(openapi.paths)).toContain('/api/auth/login');
  });

  it('lets every demo user log in', async () => {
    for (const a of DEMO_ACCOUNTS) {
      const res = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: a.email, password: DEMO_PASSWORD }),
      });
      expect(res.status, a.email).toBe(200);
      expect(((await res.json()) as { role: string }).role).toBe(a.role);
    }
  });
});
