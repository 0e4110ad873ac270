import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { SESSION_COOKIE } from './sessions.ts';

let t: TestApp;
let partnershipId: string;
let counsellor: { id: string; email: string };

beforeAll(async () => {
  t = await createTestApp();
  partnershipId = (await makePartnership(t.db)).id;
  counsellor = await makeUser(t.db, partnershipId, 'counsellor');
});
afterAll(() => t.close());

describe('login', () => {
  it('refuses a wrong password with a Danish message', async () => {
    const res = await t.anonymous().post('/api/auth/login', { email: counsellor.email, password: 'forkert-kode-123' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('Forkert e-mail eller adgangskode.');
  });

  it('throttles repeated failures on an account, with Retry-After', async () => {
    const victim = await makeUser(t.db, partnershipId, 'counsellor');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.anonymous().post('/api/auth/login', { email: victim.email, password: `gæt-nummer-${i}` });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses).toContain(429);
    // Even the right password waits while throttled: the block is time-limited, not permanent.
    const blocked = await t.anonymous().post('/api/auth/login', { email: victim.email, password: 'Rigtig-god-kode-42' });
    expect(blocked.statusCode).toBe(429);
  });

  it('gives a new session id at login, even when a cookie was already set', async () => {
    const client = await t.login(counsellor.email);
    const first = client.cookie;
    await client.post('/api/auth/login', { email: counsellor.email, password: 'Rigtig-god-kode-42' });
    expect(client.cookie).toBeTruthy();
    expect(client.cookie).not.toBe(first);
    // The old id no longer works.
    const old = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `${SESSION_COOKIE}=${first}` } });
    expect(old.statusCode).toBe(401);
  });

  it('sets an HttpOnly SameSite=Lax cookie', async () => {
    const res = await t.anonymous().post('/api/auth/login', { email: counsellor.email, password: 'Rigtig-god-kode-42' });
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
  });
});

describe('sessions', () => {
  it('refuses a logged-out session cookie', async () => {
    const client = await t.login(counsellor.email);
    const cookie = client.cookie;
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    const res = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `${SESSION_COOKIE}=${cookie}` } });
    expect(res.statusCode).toBe(401);
  });

  it('ends every session when the user is deactivated', async () => {
    const u = await makeUser(t.db, partnershipId, 'counsellor');
    const client = await t.login(u.email);
    await t.db.updateTable('users').set({ active: false }).where('id', '=', u.id).execute();
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('refuses writes without the CSRF token', async () => {
    const client = await t.login(counsellor.email);
    const res = await client.post('/api/auth/logout', undefined, { 'x-csrf-token': 'wrong' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
  });

  it('refuses a cross-site origin', async () => {
    const res = await t.anonymous().post('/api/auth/login', { email: counsellor.email, password: 'x' }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
  });
});

describe('requests', () => {
  it('rejects unknown request fields with 400 and says which', async () => {
    const res = await t.anonymous().post('/api/auth/login', { email: counsellor.email, password: 'x', admin: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toContainEqual({ field: 'admin', message: 'er ikke et kendt felt' });
  });

  it('marks API responses no-store and sends security headers', async () => {
    const client = await t.login(counsellor.email);
    const res = await client.get('/api/auth/session');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
