// Issue #22, "Bad input that still reaches a 500": NUL bytes, unreadable Origin
// headers, X-Forwarded-Host without a trusted proxy, Secure cookies and HSTS by
// PUBLIC_URL, and a report goal nested 5,000 levels deep. Each answered 500 (or
// was let through) before the fix in src/core/input-guard.ts / csrf.ts / goals.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../helpers/factories.ts';
import { TEST_PASSWORD } from '../helpers/app.ts';
import { SESSION_COOKIE } from '../../src/auth/sessions.ts';
import { checkGoal, validateGoals } from '../../src/reports/goals.ts';

let t: TestApp;
let admin: TestClient;
let counsellor: TestClient;
let youthId: string;
let counsellorEmail: string;

beforeAll(async () => {
  t = await createTestApp();
  const p = await makePartnership(t.db);
  admin = await t.login((await makeUser(t.db, p.id, 'admin')).email);
  const c = await makeUser(t.db, p.id, 'counsellor');
  counsellorEmail = c.email;
  counsellor = await t.login(c.email);
  youthId = (await makeYoungPerson(t.db, p.id, { counsellorId: c.id })).id;
});
afterAll(async () => t?.close());

const NUL = '\u0000';

describe('NUL bytes are refused at validation, on every route, by one rule', () => {
  it('login e-mail and password (public), the public catalog search, names and journal text answer 400 naming the field', async () => {
    const login = await t.anonymous().post('/api/auth/login', { email: `a${NUL}@b.dk`, password: TEST_PASSWORD });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.fields[0].field).toBe('email');
    expect(login.json().error.message).toMatch(/NUL-tegn/);
    expect((await t.anonymous().post('/api/auth/login', { email: counsellorEmail, password: `x${NUL}` })).statusCode).toBe(400);

    const search = await t.anonymous().get('/api/catalog?q=mentor%00');
    expect(search.statusCode).toBe(400);
    expect(search.json().error.fields[0].field).toBe('query.q');
    expect((await t.anonymous().get('/api/catalog/owner%00/title')).statusCode).toBe(400);

    const intake = await counsellor.post('/api/youth', {
      referralSource: 'jobcenter', firstName: `Ali${NUL}`, lastName: 'Hansen', birthDate: '2006-01-01',
    });
    expect(intake.statusCode).toBe(400);
    expect(intake.json().error.fields[0].field).toBe('firstName');

    const journal = await counsellor.post(`/api/youth/${youthId}/journal`, { kind: 'note', occurredOn: '2026-12-01', sensitivity: 'ordinary', body: `Samtale${NUL}` });
    expect(journal.statusCode).toBe(400);
    expect(journal.json().error.fields[0].field).toBe('body');
    expect((await counsellor.get(`/api/youth/${youthId}/journal`)).json()).toEqual([]);

    // In a route parameter, a header used as input, and a property name.
    expect((await counsellor.get(`/api/youth/${youthId}%00`)).statusCode).toBe(400);
    expect((await counsellor.post(`/api/youth/${youthId}/journal`, { kind: 'note', occurredOn: '2026-12-01', sensitivity: 'ordinary', body: 'x' }, { 'idempotency-key': `k${NUL}` })).statusCode).toBe(400);
    expect((await counsellor.post('/api/youth', { [`first${NUL}`]: 'x' })).statusCode).toBe(400);
  });
});

describe('Origin and the host it is compared with', () => {
  it('an Origin that is not a URL answers 403 on any write, logged in or not (was 500 "Invalid URL")', async () => {
    for (const origin of ['not a url', 'http://', '://x', 'javascript:alert(1)', 'http://[::1']) {
      const login = await t.anonymous().post('/api/auth/login', { email: counsellorEmail, password: TEST_PASSWORD }, { origin });
      expect(login.statusCode, origin).toBe(403);
      const write = await counsellor.post(`/api/youth/${youthId}/journal`, { kind: 'note', occurredOn: '2026-12-01', sensitivity: 'ordinary', body: 'x' }, { origin });
      expect(write.statusCode, origin).toBe(403);
      expect(write.json().error.code).toBe('csrf');
    }
  });

  it('a same-site Origin still works, and a CSRF token of the right length in other characters is 403, not 500', async () => {
    const res = await counsellor.post(`/api/youth/${youthId}/journal`, { kind: 'note', occurredOn: '2026-12-01', sensitivity: 'ordinary', body: 'ok' }, { origin: 'http://localhost:3000', host: 'localhost:3000' });
    expect(res.statusCode).toBe(201);
    const odd = counsellor.csrf!.replace(/./g, 'æ');
    expect((await counsellor.post('/api/auth/logout', {}, { 'x-csrf-token': odd })).statusCode).toBe(403);
  });

  it('X-Forwarded-Host is not believed without TRUST_PROXY: an evil Origin naming it is refused', async () => {
    const headers = { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example', host: 'fodfaeste.example' };
    expect((await t.anonymous().post('/api/auth/login', { email: counsellorEmail, password: TEST_PASSWORD }, headers)).statusCode).toBe(403);
    const proxied = await createTestApp({ TRUST_PROXY: true });
    try {
      const ok = await proxied.anonymous().post('/api/auth/login', { email: 'nobody@example.dk', password: TEST_PASSWORD }, { ...headers, origin: 'https://evil.example' });
      expect(ok.statusCode).toBe(401); // past the Origin check: the forwarded host is believed behind a trusted proxy
    } finally {
      await proxied.close();
    }
  });
});

describe('Secure cookies and HSTS follow PUBLIC_URL, not the Host header', () => {
  it('with an https PUBLIC_URL the session cookie is Secure and HSTS is sent even for Host: localhost over http', async () => {
    const https = await createTestApp({ PUBLIC_URL: 'https://fodfaeste.example' });
    try {
      const email = (await makeUser(https.db, (await makePartnership(https.db)).id, 'counsellor')).email;
      const res = await https.anonymous().post('/api/auth/login', { email, password: TEST_PASSWORD }, { host: 'localhost' });
      expect(res.statusCode).toBe(200);
      expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
      expect((await https.anonymous().get('/healthz', { host: 'localhost' })).headers['strict-transport-security']).toMatch(/max-age=/);
    } finally {
      await https.close();
    }
    // Without PUBLIC_URL, local development over http keeps plain cookies and no HSTS.
    const res = await t.anonymous().post('/api/auth/login', { email: counsellorEmail, password: TEST_PASSWORD }, { host: 'localhost' });
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)?.secure).toBeFalsy();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('nesting depth', () => {
  const nest = (levels: number) => {
    let p: unknown = { field: 'startedAt', op: 'exists' };
    for (let i = 0; i < levels; i++) p = i % 2 ? { not: p } : { all: [p] };
    return p;
  };
  const goal = (population: unknown) => ({ id: 'dybt', kind: 'share', title: 'Dybt mål', target: 0.5, population, success: { field: 'startedAt', op: 'exists' } });
  // Built as text: the test's own JSON.stringify would overflow on 5,000 levels.
  const deepJson = (levels: number) => {
    let p = '{"field":"startedAt","op":"exists"}';
    for (let i = 0; i < levels; i++) p = i % 2 ? `{"not":${p}}` : `{"all":[${p}]}`;
    return `{"kind":"share","title":"Dybt mål","target":0.5,"success":{"field":"startedAt","op":"exists"},"population":${p}}`;
  };
  const json = { 'content-type': 'application/json' };

  it('a report goal whose population nests 5,000 levels answers 400 with a Danish message (was 500: stack overflow)', async () => {
    const res = await admin.post('/api/reports/goals', deepJson(5000), json);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/indlejret for dybt/);
    const put = await admin.put('/api/reports/goals/x', deepJson(5000), json);
    expect(put.statusCode).toBe(400);
  });

  it('the goal schema itself bounds the depth (8 levels), also for stored goals, without recursing', async () => {
    const deep = checkGoal(goal(nest(9)));
    expect(deep.ok).toBe(false);
    expect(deep.ok ? [] : deep.fields.map((f) => f.field)).toEqual(['population']);
    expect(checkGoal(goal(nest(8))).ok).toBe(true);
    expect(checkGoal(goal(nest(100_000))).ok).toBe(false);
    expect(validateGoals([goal(nest(100_000))])).toMatchObject({ ok: false });
    const { id: _, ...body } = goal(nest(9));
    const res = await admin.post('/api/reports/goals', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'population', message: expect.stringMatching(/højst 8 niveauer/) }]);
  });

  it('any body nested deeper than 32 levels is refused before validation, on any route', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    const res = await counsellor.post(`/api/youth/${youthId}/journal`, { kind: 'note', occurredOn: '2026-12-01', sensitivity: 'ordinary', body: deep });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/indlejret for dybt/);
    expect((await t.anonymous().post('/api/auth/login', { email: deep, password: 'x' })).statusCode).toBe(400);
  });
});
