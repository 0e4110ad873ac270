import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../core/config.ts';
import { buildApp } from '../app.ts';
import { openDatabase, type Database } from '../core/db.ts';
import { createTestApp, TEST_PASSWORD, testAppHandle, TestClient, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { totpAt } from './totp.ts';

/**
 * The login throttle counts a try before the password is checked, atomically in the
 * database (issue 22: 40 parallel guesses over two processes got 19 checks), and locks
 * an account per IP, so the real owner elsewhere still gets in.
 */
let t: TestApp;
let second: TestApp;
let partnershipId: string;

beforeAll(async () => {
  t = await createTestApp();
  // A second app instance on the same database: on PostgreSQL with its own connection pool, like a second process.
  const url = (t.database as Database & { url?: string }).url;
  const database = url ? await openDatabase({ databaseUrl: url, poolSize: 10 }) : t.database;
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), SESSION_CACHE: false };
  const app = await buildApp({ config, database, db: database.db }, { logger: false });
  await app.ready();
  second = testAppHandle(app, database, config, async () => { if (url) await database.close(); });
  partnershipId = (await makePartnership(t.db)).id;
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

const loginFrom = (app: TestApp, ip: string, email: string, password: string, code?: string) =>
  new TestClient(app.app).request({ method: 'POST', url: '/api/auth/login', payload: { email, password, ...(code ? { code } : {}) }, remoteAddress: ip });

describe('login throttle', () => {
  it('40 parallel wrong passwords over two app instances get at most 5 password checks, and the owner at another IP still logs in', async () => {
    const victim = await makeUser(t.db, partnershipId, 'admin');
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      loginFrom(i % 2 ? second : t, '203.0.113.66', victim.email, `gæt-nummer-${i}`)));
    const statuses = results.map((r) => r.statusCode);
    // Each checked wrong password is logged in login_attempts; a refused try is not checked at all.
    const checked = await t.db.selectFrom('login_attempts').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account', '=', victim.email).where('success', '=', false).executeTakeFirstOrThrow();
    expect(Number(checked.n)).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 401).length).toBe(Number(checked.n));
    expect(statuses.filter((s) => s === 429).length).toBe(40 - Number(checked.n));
    const refused = results.find((r) => r.statusCode === 429)!;
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json().error.message).toMatch(/^For mange forkerte forsøg\. Prøv igen om \d+ (sekunder|minutter)\.$/);

    // The attacker's IP stays locked, even with the right password …
    expect((await loginFrom(t, '203.0.113.66', victim.email, TEST_PASSWORD)).statusCode).toBe(429);
    // … but the owner at the office logs in at once, on either instance.
    const owner = await loginFrom(second, '198.51.100.10', victim.email, TEST_PASSWORD);
    expect(owner.statusCode, owner.body).toBe(200);
    expect(owner.json()).toMatchObject({ user: { id: victim.id }, role: 'admin' });
  });

  it('the account from every IP together backs off too, but only after many tries and for at most a minute', async () => {
    const victim = await makeUser(t.db, partnershipId, 'counsellor');
    // 5 wrong passwords from each of 4 IPs: 20 checks, the account's shared allowance.
    for (let ip = 1; ip <= 4; ip++) {
      for (let i = 0; i < 5; i++) expect((await loginFrom(t, `192.0.2.${ip}`, victim.email, `forkert-${ip}-${i}`)).statusCode).toBe(401);
    }
    // The 21st, from a fifth IP, waits a little: seconds, never the 15 minutes of the attacker's own IP.
    const locked = await loginFrom(t, '192.0.2.5', victim.email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('an office behind one IP is not locked by its own successful logins', async () => {
    const users = await Promise.all(Array.from({ length: 35 }, () => makeUser(t.db, partnershipId, 'counsellor')));
    for (const u of users) expect((await loginFrom(t, '198.51.100.99', u.email, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('TOTP confirm and turn-off are throttled like login', () => {
  it('60 wrong codes get a 429 with Retry-After and a Danish message; the right code then waits too', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor');
    const c = await t.login(user.email);
    const { secret } = (await c.post('/api/auth/totp/enrol')).json() as { secret: string };
    const right = totpAt(secret);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const wrong = String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0');
      statuses.push((await c.post('/api/auth/totp/confirm', { code: wrong })).statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(6);
    expect(statuses.at(-1)).toBe(429);
    const blocked = await c.post('/api/auth/totp/confirm', { code: right });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().error.message).toMatch(/For mange forkerte forsøg/);
  });

  it('turning two-factor off is throttled the same way', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor');
    const c = await t.login(user.email);
    const { secret } = (await c.post('/api/auth/totp/enrol')).json() as { secret: string };
    expect((await c.post('/api/auth/totp/confirm', { code: totpAt(secret) })).statusCode).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await c.post('/api/auth/totp/disable', { code: i === 0 ? '000000' : String(100000 + i) })).statusCode);
    expect(statuses).toContain(429);
    expect((await c.get('/api/auth/totp')).json()).toEqual({ enabled: true });
  });
});
