import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../src/security/rate-limit.ts';
import { makePartnership, makeUser } from '../helpers/factories.ts';
import { createSecurityTestApp, type SecurityTestApp } from './helpers.ts';
import { testClock } from '../helpers/clock.ts';

describe('token buckets', () => {
  it('allows the burst, refuses with the seconds to wait, and recovers as time passes', () => {
    let now = 0;
    const b = new TokenBuckets(60, 1000, () => now); // one token a second
    for (let i = 0; i < 60; i++) expect(b.take('a')).toBe(0);
    expect(b.take('a')).toBe(1);
    expect(b.take('b')).toBe(0); // another key has its own bucket
    now += 1000;
    expect(b.take('a')).toBe(0);
    expect(b.take('a')).toBeGreaterThan(0);
    now += 60_000;
    for (let i = 0; i < 60; i++) expect(b.take('a')).toBe(0);
  });

  it('keeps memory bounded under a flood of distinct keys', () => {
    const b = new TokenBuckets(10, 100);
    for (let i = 0; i < 1000; i++) b.take(`ip-${i}`);
    expect(b.size).toBeLessThanOrEqual(100);
  });

  it('a limit of 0 turns the limit off', () => {
    const b = new TokenBuckets(0);
    for (let i = 0; i < 1000; i++) expect(b.take('a')).toBe(0);
  });
});

describe('rate limits over HTTP', () => {
  let t: SecurityTestApp;
  let emails: string[];
  const clock = testClock();
  beforeAll(async () => {
    t = await createSecurityTestApp({ config: { RATE_LIMIT_USER_PER_MINUTE: 60, RATE_LIMIT_IP_PER_MINUTE: 200 }, clock });
    const p = await makePartnership(t.db);
    emails = [(await makeUser(t.db, p.id, 'counsellor')).email, (await makeUser(t.db, p.id, 'counsellor')).email];
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After and a Danish message once a user has used their requests, and recovers', async () => {
    const client = await t.login(emails[0]);
    let served = 0;
    let refused = await client.get('/api/auth/session');
    // 60 a minute with one token back each second: the burst is served, then refusals come.
    for (let i = 0; i < 200 && refused.statusCode === 200; i++, served++) refused = await client.get('/api/auth/session');
    expect(served).toBeGreaterThanOrEqual(59);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.json().error).toMatchObject({ code: 'rate_limited' });
    expect(refused.json().error.message).toMatch(/for mange forespørgsler/i);
    // Another user is not affected by the first one's limit.
    const other = await t.login(emails[1]);
    expect((await other.get('/api/auth/session')).statusCode).toBe(200);
    // One token a second: after the wait the user is served again.
    clock.advance(Number(refused.headers['retry-after']) * 1000);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('limits an IP address, but never the health checks', async () => {
    // The refusal itself is checked: a request after it may already find a token refilled (200 a minute is one every 0.3 s).
    let res = await t.anonymous().get('/api/auth/session');
    for (let i = 0; i < 250 && res.statusCode !== 429; i++) res = await t.anonymous().get('/api/auth/session');
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBeDefined();
    expect(res.headers['content-security-policy']).toBeDefined();
    expect((await t.anonymous().get('/healthz')).statusCode).toBe(200);
  });
});

describe('bounded wait for a database connection', () => {
  let t: SecurityTestApp;
  let email: string;
  beforeAll(async () => {
    t = await createSecurityTestApp({ pool: { size: 1, connectTimeoutMs: 300 } });
    email = (await makeUser(t.db, (await makePartnership(t.db)).id, 'counsellor')).email;
  });
  afterAll(() => t.close());

  it('answers 503 with Retry-After while every connection is busy, and serves again when one is free', async () => {
    const client = await t.login(email);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
    const held = await t.database.pool.connect(); // the only connection is busy
    try {
      const started = Date.now();
      const res = await client.get('/api/auth/session');
      expect(res.statusCode).toBe(503);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.json()).toEqual({ error: { code: 'unavailable', message: 'Systemet er midlertidigt utilgængeligt. Prøv igen om lidt.' } });
      expect(res.body).not.toMatch(/at .*\.ts|timeout exceeded/);
      // The process is still up.
      expect((await t.anonymous().get('/healthz')).statusCode).toBe(200);
    } finally {
      held.release();
    }
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  });
});
