import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { allPermissions, permissionRule, ROLES, type Role } from '../../src/core/policy.ts';
import { routeTable, type RouteEntry } from '../../src/security/route-table.ts';
import type { TestClient } from '../helpers/app.ts';
import { createSecurityTestApp, type SecurityTestApp } from './helpers.ts';
import fc from 'fast-check';
import { apiRoutes, fillParams, foreignIds, seedWorld } from './route-fixtures.ts';
import { operations, resolver, type OpenApiDoc } from './openapi.ts';
import { valid } from './schema-arbitrary.ts';

/**
 * Generated from the route table: every route the features register is checked
 * here without being listed, for security headers, cookie flags, the
 * authorization matrix and tenancy (another partnership's records give 404).
 */
let t: SecurityTestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let routes: readonly RouteEntry[];

beforeAll(async () => {
  // Rate limits off: this file makes thousands of requests from one address.
  t = await createSecurityTestApp({ config: { RATE_LIMIT_IP_PER_MINUTE: 0, RATE_LIMIT_USER_PER_MINUTE: 0, TRUST_PROXY: true }, database: { demo: true } });
  world = await seedWorld(t);
  routes = routeTable(t.app);
}, 180_000);
afterAll(() => t?.close());

/** Logging out ends the session the other checks use: that route gets a session of its own. */
const sessionFor = async (role: Role, r: RouteEntry) =>
  r.url.endsWith('/logout') ? t.login(world.users[role].email) : world.clients[role];

const call = (client: TestClient, r: RouteEntry, url = fillParams(r.url), headers?: Record<string, string>) =>
  client.request({ method: r.method as 'GET', url, headers, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }) });

/**
 * Routes that deliberately allow caching because they serve no personal data.
 * Adding one here is a decision: say why.
 */
const CACHEABLE: Record<string, string> = {
  'GET /api/catalog': 'the regional initiative catalog (public offers, no personal data)',
  'GET /api/catalog/*': 'one initiative of the regional catalog (no personal data)',
};

function expectSecurityHeaders(res: LightMyRequestResponse, where: string) {
  const h = res.headers;
  expect(h['x-content-type-options'], where).toBe('nosniff');
  expect(h['x-frame-options'], where).toBe('DENY');
  expect(h['referrer-policy'], where).toBe('same-origin');
  expect(String(h['content-security-policy']), where).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
  expect(String(h['content-security-policy']), where).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(h['x-request-id'], where).toBeTruthy();
  if (where.includes(' /api/') && !(where in CACHEABLE)) expect(h['cache-control'], where).toBe('no-store');
  const cookies = ([] as string[]).concat((h['set-cookie'] as string | string[] | undefined) ?? []);
  for (const c of cookies) {
    if (/^[^=]+=;/.test(c)) continue; // a cleared cookie carries nothing
    expect(c, where).toMatch(/;\s*HttpOnly/i);
    expect(c, where).toMatch(/;\s*SameSite=Lax/i);
    expect(c, where).toMatch(/;\s*Path=\//i);
  }
  expect(res.statusCode, `${where} must not fail with ${res.statusCode}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
}

describe('the route table', () => {
  it('covers the features: every /api route names a permission that the registry knows', () => {
    const api = apiRoutes(routes);
    expect(api.length).toBeGreaterThan(5);
    const missing = api.filter((r) => r.permission !== 'public' && !r.authenticated && !permissionRule(r.permission ?? ''));
    expect(missing.map((r) => `${r.method} ${r.url} → ${r.permission}`)).toEqual([]);
    for (const r of api) if (r.permission && r.permission !== 'public') expect(allPermissions().has(r.permission)).toBe(true);
  });

  it('the server refuses to start with an /api route that names no permission', async () => {
    await expect(createSecurityTestApp({
      routes: (app) => app.get('/api/glemt-regel', async () => ({ ok: true })),
    })).rejects.toThrow(/names no permission/);
  });
});

describe('security headers and cookie flags on every route', () => {
  it('anonymous and logged-in requests to every route get the headers', async () => {
    let checked = 0;
    for (const r of routes) {
      for (const client of [t.anonymous(), await sessionFor('admin', r)]) {
        const res = await call(client, r);
        expectSecurityHeaders(res, `${r.method} ${r.url}`);
        checked++;
      }
    }
    // Not-found pages too.
    expectSecurityHeaders(await t.anonymous().get('/api/findes-ikke'), 'GET /api/findes-ikke');
    expect(checked).toBe(routes.length * 2);
  }, 300_000);

  it('the session cookie is HttpOnly, SameSite=Lax and Secure outside localhost; HSTS under TLS', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { host: 'fodfaeste.example.dk', 'x-forwarded-proto': 'https' },
      payload: { email: world.users.counsellor.email, password: 'Rigtig-god-kode-42' },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });
});

describe('authorization matrix from the route table and the permission registry', () => {
  const guarded = () => apiRoutes(routes).filter((r) => r.permission && r.permission !== 'public');

  it('every guarded /api route answers 401 without a session', async () => {
    const wrong: string[] = [];
    for (const r of [...guarded(), ...apiRoutes(routes).filter((x) => x.authenticated)]) {
      const res = await call(t.anonymous(), r);
      if (res.statusCode !== 401) wrong.push(`${r.method} ${r.url}: ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  }, 300_000);

  it('every role outside a route\'s rule gets 403; every role inside it gets past the role check', async () => {
    const wrong: string[] = [];
    let cells = 0;
    for (const r of guarded()) {
      const rule = permissionRule(r.permission!)!;
      for (const role of ROLES) {
        const res = await call(await sessionFor(role, r), r);
        cells++;
        const allowed = rule.roles.includes(role as Role);
        if (!allowed && res.statusCode !== 403) wrong.push(`${role} ${r.method} ${r.url}: ${res.statusCode}, rule says 403`);
        if (allowed && (res.statusCode === 401 || res.statusCode >= 500)) wrong.push(`${role} ${r.method} ${r.url}: ${res.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(guarded().length * ROLES.length);
  }, 300_000);

  it('another partnership\'s records are never served: routes with an :id give 404 (or a refusal) for them', async () => {
    const ids = await foreignIds(t.db, world.home.id, 3);
    expect(ids.length).toBeGreaterThan(0);
    // Writes get a body that passes validation, so the record check itself answers.
    const doc = (await t.anonymous().get('/api/openapi.json')).json() as OpenApiDoc;
    const bodies = new Map<string, unknown>();
    for (const op of operations(doc)) {
      if (op.body) bodies.set(`${op.method} ${op.path}`, fc.sample(valid(op.body, resolver(doc), fc.uuid()), { seed: 7, numRuns: 1 })[0]);
    }
    const served: string[] = [];
    let notFound = 0;
    let tried = 0;
    for (const r of guarded().filter((x) => x.url.includes(':'))) {
      const rule = permissionRule(r.permission!)!;
      for (const role of rule.roles) {
        for (const { table, id } of ids) {
          const body = bodies.get(`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}').replace(/\*$/, '{*}')}`);
          const res = await world.clients[role].request({
            method: r.method as 'GET', url: fillParams(r.url, () => id),
            ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: (body ?? {}) as object }),
          });
          tried++;
          if (res.statusCode === 404) notFound++;
          if (res.statusCode < 300 || res.statusCode >= 500) served.push(`${role} ${r.method} ${r.url} with ${table} ${id}: ${res.statusCode}`);
        }
      }
    }
    console.log(`tenancy: ${ids.length} foreign records from ${new Set(ids.map((i) => i.table)).size} tables, ${tried} requests, ${notFound} × 404`);
    expect(served).toEqual([]);
    // Most answers are a plain 404 (the rest are refused earlier, e.g. 400 for an empty body).
    expect(notFound).toBeGreaterThan(tried / 3);
  }, 300_000);
});
