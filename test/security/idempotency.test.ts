import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePermissions } from '../../src/core/policy.ts';
import { actorOf } from '../../src/core/actor.ts';
import { canonicalJson } from '../../src/security/idempotency.ts';
import { makePartnership, makeUser } from '../helpers/factories.ts';
import { createSecurityTestApp, type SecurityTestApp } from './helpers.ts';

// A route that really creates a young person, registered only in this test app.
definePermissions({ 'test.idempotency.create': { roles: ['counsellor'], description: 'test route' } });
const Body = Type.Object({ firstName: Type.String({ minLength: 1 }), lastName: Type.String({ minLength: 1 }) });

let t: SecurityTestApp;
let counsellors: { email: string }[];
let partnershipId: string;

beforeAll(async () => {
  t = await createSecurityTestApp({
    routes: (app) => {
      app.post('/api/test-idempotency/people', {
        config: { permission: 'test.idempotency.create' },
        schema: { body: Body, response: { 201: Type.Object({ id: Type.String(), n: Type.Integer() }) } },
      }, async (req, reply) => {
        const actor = actorOf(req);
        const row = await app.deps.db.insertInto('young_people')
          .values({ partnership_id: actor.partnershipId, first_name: req.body.firstName, last_name: req.body.lastName, birth_date: '2006-01-01' })
          .returning('id').executeTakeFirstOrThrow();
        const { n } = await app.deps.db.selectFrom('young_people').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        return reply.status(201).send({ id: row.id, n: Number(n) });
      });
    },
  });
  partnershipId = (await makePartnership(t.db)).id;
  counsellors = [await makeUser(t.db, partnershipId, 'counsellor'), await makeUser(t.db, partnershipId, 'counsellor')];
});
afterAll(() => t.close());

const count = async (lastName: string) =>
  Number((await t.db.selectFrom('young_people').select((eb) => eb.fn.countAll<number>().as('n')).where('last_name', '=', lastName).executeTakeFirstOrThrow()).n);

describe('Idempotency-Key on POST', () => {
  it('a retry with the same key and body returns the first response and creates nothing twice', async () => {
    const c = await t.login(counsellors[0].email);
    const body = { firstName: 'Ida', lastName: 'Retry-1' };
    const first = await c.post('/api/test-idempotency/people', body, { 'idempotency-key': 'key-1' });
    expect(first.statusCode).toBe(201);
    // The same body with keys in another order is the same request.
    const again = await c.post('/api/test-idempotency/people', { lastName: 'Retry-1', firstName: 'Ida' }, { 'idempotency-key': 'key-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toMatch(/json/);
    expect(await count('Retry-1')).toBe(1);
  });

  it('refuses the same key with a different body, with a clear message', async () => {
    const c = await t.login(counsellors[0].email);
    await c.post('/api/test-idempotency/people', { firstName: 'Ib', lastName: 'Retry-2' }, { 'idempotency-key': 'key-2' });
    const res = await c.post('/api/test-idempotency/people', { firstName: 'Ib', lastName: 'Anden' }, { 'idempotency-key': 'key-2' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('idempotency_key_reused');
    expect(res.json().error.message).toMatch(/allerede brugt til en anden forespørgsel/);
    expect(await count('Anden')).toBe(0);
  });

  it('keys belong to one user: another user with the same key creates their own record', async () => {
    const a = await t.login(counsellors[0].email);
    const b = await t.login(counsellors[1].email);
    const body = { firstName: 'Bo', lastName: 'Retry-3' };
    const ra = await a.post('/api/test-idempotency/people', body, { 'idempotency-key': 'shared-key' });
    const rb = await b.post('/api/test-idempotency/people', body, { 'idempotency-key': 'shared-key' });
    expect(rb.headers['idempotent-replayed']).toBeUndefined();
    expect(rb.json().id).not.toBe(ra.json().id);
    expect(await count('Retry-3')).toBe(2);
  });

  it('without a key every POST creates; a refused request frees its key for the corrected retry', async () => {
    const c = await t.login(counsellors[0].email);
    await c.post('/api/test-idempotency/people', { firstName: 'Al', lastName: 'Retry-4' });
    await c.post('/api/test-idempotency/people', { firstName: 'Al', lastName: 'Retry-4' });
    expect(await count('Retry-4')).toBe(2);
    const bad = await c.post('/api/test-idempotency/people', { firstName: '', lastName: 'Retry-5' }, { 'idempotency-key': 'key-5' });
    expect(bad.statusCode).toBe(400);
    const good = await c.post('/api/test-idempotency/people', { firstName: 'Eva', lastName: 'Retry-5' }, { 'idempotency-key': 'key-5' });
    expect(good.statusCode).toBe(201);
  });

  it('refuses a malformed key and answers 409 while the first request still runs', async () => {
    const c = await t.login(counsellors[0].email);
    const bad = await c.post('/api/test-idempotency/people', { firstName: 'A', lastName: 'B' }, { 'idempotency-key': 'has space' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Idempotency-Key/);
    // Simulate a first request that has claimed the key and not finished.
    const user = await t.db.selectFrom('users').select('id').where('email', '=', counsellors[0].email).executeTakeFirstOrThrow();
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(`POST /api/test-idempotency/people\n${canonicalJson({ firstName: 'A', lastName: 'B' })}`).digest('hex');
    await t.db.insertInto('idempotency_keys').values({ user_id: user.id, key: 'running', request_hash: hash, method: 'POST', path: '/api/test-idempotency/people', expires_at: new Date(Date.now() + 3_600_000) }).execute();
    const res = await c.post('/api/test-idempotency/people', { firstName: 'A', lastName: 'B' }, { 'idempotency-key': 'running' });
    expect(res.statusCode).toBe(409);
    expect(res.headers['retry-after']).toBe('1');
  });

  it('an expired key can be used again and creates anew', async () => {
    const c = await t.login(counsellors[0].email);
    const body = { firstName: 'Kim', lastName: 'Retry-6' };
    await c.post('/api/test-idempotency/people', body, { 'idempotency-key': 'old-key' });
    await t.db.updateTable('idempotency_keys').set({ expires_at: new Date(Date.now() - 1000) }).where('key', '=', 'old-key').execute();
    const res = await c.post('/api/test-idempotency/people', body, { 'idempotency-key': 'old-key' });
    expect(res.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('Retry-6')).toBe(2);
    // …and the first one is not replayed after 24 hours: the row expires 24 h after it was made.
    const row = await t.db.selectFrom('idempotency_keys').select(['created_at', 'expires_at']).where('key', '=', 'old-key').executeTakeFirstOrThrow();
    const hours = (new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()) / 3_600_000;
    expect(Math.round(hours)).toBe(24);
  });
});
