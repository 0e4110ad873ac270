import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngine } from '../helpers/db.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/accounts.ts';

// Several processes need a shared PostgreSQL; the embedded PGlite is single-process by design.
const onPostgres = testEngine() === 'postgres';

describe.runIf(onPostgres)('two app processes on one PostgreSQL', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    const database = await createTestDatabase();
    const url = (database as { url?: string }).url!;
    await database.pool.end();
    a = await startServerProcess({ DATABASE_URL: url });
    b = await startServerProcess({ DATABASE_URL: url });
  }, 240_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it('a session made on one process works on the other, and logout on one ends it on both', async () => {
    const login = await fetch(`${a.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ACCOUNTS[0].email, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    const onB = await fetch(`${b.url}/api/auth/session`, { headers: { cookie } });
    expect(onB.status).toBe(200);
    expect(((await onB.json()) as { user: { email: string } }).user.email).toBe(DEMO_ACCOUNTS[0].email);

    const logout = await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
    expect(logout.status).toBe(204);
    expect((await fetch(`${a.url}/api/auth/session`, { headers: { cookie } })).status).toBe(401);
  });

  it('both processes are ready and seeded the database only once', async () => {
    for (const p of [a, b]) expect((await fetch(`${p.url}/readyz`)).status).toBe(200);
    const seededLines = [a, b].filter((p) => p.output().includes('Demo data loaded')).length;
    expect(seededLines).toBeLessThanOrEqual(1);
  });
});
