import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTestApp, testAppHandle, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { testEngine } from '../../test/helpers/db.ts';
import { buildApp } from '../app.ts';
import { openDatabase } from '../core/db.ts';
import { LISTENER_NAME, SessionCache, sessionCacheFor } from './session-cache.ts';
import { destroyUserSessions, type SessionUser } from './sessions.ts';

const onPostgres = testEngine() === 'postgres';

let t: TestApp;
let partnershipId: string;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_IP_PER_MINUTE: 0, RATE_LIMIT_USER_PER_MINUTE: 0 });
  partnershipId = (await makePartnership(t.db)).id;
  admin = await t.login((await makeUser(t.db, partnershipId, 'admin')).email);
});
afterAll(() => t?.close());

/** Database connections taken from the pool while `fn` runs: each is one statement outside a transaction. */
async function queriesDuring(t: TestApp, fn: () => Promise<unknown>) {
  let n = 0;
  const count = () => n++;
  t.database.pool.on('acquire', count);
  try {
    await fn();
  } finally {
    t.database.pool.off('acquire', count);
  }
  return n;
}

/** A request that needs a session lookup and nothing else from the database. */
const ping = (c: TestClient) => c.get('/api/openapi.json');

async function within(ms: number, ok: () => Promise<boolean>) {
  const until = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

async function counsellor() {
  const u = await makeUser(t.db, partnershipId, 'counsellor');
  return { ...u, client: await t.login(u.email) };
}

describe('the session cache in one process', () => {
  it('answers a known session without a query', async () => {
    const { client } = await counsellor();
    expect(sessionCacheFor(t.db)?.live).toBe(true);
    await ping(client);
    expect(await queriesDuring(t, () => ping(client))).toBe(0);
    expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('ends the session at once on deactivation, role change and destroyUserSessions', async () => {
    const gone = await counsellor();
    await ping(gone.client);
    expect((await admin.patch(`/api/users/${gone.id}`, { active: false })).statusCode).toBe(200);
    expect((await gone.client.get('/api/auth/session')).statusCode).toBe(401);

    const demoted = await counsellor();
    await ping(demoted.client);
    expect((await admin.patch(`/api/users/${demoted.id}`, { role: 'steering_group' })).statusCode).toBe(200);
    expect((await demoted.client.get('/api/auth/session')).statusCode).toBe(401);

    const reset = await counsellor();
    await ping(reset.client);
    await destroyUserSessions(t.db, reset.id);
    expect((await reset.client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('a logged-out cookie is refused on the very next request', async () => {
    const { client } = await counsellor();
    await ping(client);
    const cookie = client.cookie;
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    client.cookie = cookie;
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('a partnership switch shows on the next request', async () => {
    const { id, client } = await counsellor();
    const other = await makePartnership(t.db);
    await t.db.insertInto('memberships').values({ user_id: id, partnership_id: other.id, role: 'steering_group' }).execute();
    await ping(client);
    expect((await client.post('/api/auth/partnership', { partnershipId: other.id })).statusCode).toBe(200);
    const now = (await client.get('/api/auth/session')).json();
    expect(now.partnership.id).toBe(other.id);
    expect(now.role).toBe('steering_group');
  });

  it('hears changes made directly in SQL, outside the app (the triggers of migration 0110)', async () => {
    const { id, client } = await counsellor();
    await ping(client);
    await outsideSql(`UPDATE users SET name = 'Nyt Navn' WHERE id = $1`, [id]);
    expect(await within(1000, async () => (await client.get('/api/auth/session')).json().user.name === 'Nyt Navn')).toBe(true);
    await outsideSql(`UPDATE users SET active = false WHERE id = $1`, [id]);
    expect(await within(1000, async () => (await ping(client)).statusCode === 200 && (await client.get('/api/auth/session')).statusCode === 401)).toBe(true);
  });

  it('keeps the idle timeout and the absolute expiry, and bumps last_seen_at at most once a minute', async () => {
    const idle = await counsellor();
    await ping(idle.client);
    await outsideSql(`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1`, [idle.id]);
    expect(await within(1000, async () => (await idle.client.get('/api/auth/session')).statusCode === 401)).toBe(true);

    const old = await counsellor();
    await ping(old.client);
    await outsideSql(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [old.id]);
    expect(await within(1000, async () => (await old.client.get('/api/auth/session')).statusCode === 401)).toBe(true);

    const busy = await counsellor();
    await outsideSql(`UPDATE sessions SET last_seen_at = now() - interval '2 minutes' WHERE user_id = $1`, [busy.id]);
    const seen = async () => (await t.db.selectFrom('sessions').select('last_seen_at').where('user_id', '=', busy.id).executeTakeFirstOrThrow()).last_seen_at;
    expect(await within(1000, async () => (await ping(busy.client)) && Date.now() - new Date(await seen()).getTime() < 5_000)).toBe(true);
    const bumped = await seen();
    for (let i = 0; i < 3; i++) expect(await queriesDuring(t, () => ping(busy.client))).toBe(0);
    expect(await seen()).toEqual(bumped);
  });

  it('with SESSION_CACHE=false every request reads its session', async () => {
    const off = await createTestApp({ SESSION_CACHE: false });
    try {
      const u = await makeUser(off.db, (await makePartnership(off.db)).id, 'counsellor');
      const client = await off.login(u.email);
      expect(sessionCacheFor(off.db)).toBeUndefined();
      expect(await queriesDuring(off, () => ping(client))).toBe(1);
    } finally {
      await off.close();
    }
  });
});

/** SQL on a connection of its own (PostgreSQL) or straight on PGlite: not through the app. */
async function outsideSql(text: string, params: unknown[]): Promise<unknown[]> {
  const url = (t.database as { url?: string }).url;
  if (!url) return (await t.database.pglite!.query(text, params)).rows;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

describe.runIf(onPostgres)('two app instances on one PostgreSQL', () => {
  let b: TestApp;
  beforeAll(async () => {
    const database = await openDatabase({ databaseUrl: (t.database as { url?: string }).url! });
    const app = await buildApp({ config: t.config, database, db: database.db }, { logger: false });
    await app.ready();
    b = testAppHandle(app, database, t.config, () => database.close());
  });
  afterAll(() => b?.close());

  /** The same session cookie, used on instance B. */
  const onB = (a: TestClient) => Object.assign(b.anonymous(), { cookie: a.cookie, csrf: a.csrf });

  it('a logout or deactivation on A is refused on B within a second', async () => {
    const out = await counsellor();
    const outOnB = onB(out.client);
    await ping(outOnB);
    expect(await queriesDuring(b, () => ping(outOnB))).toBe(0);
    expect((await out.client.post('/api/auth/logout')).statusCode).toBe(204);
    expect(await within(1000, async () => (await outOnB.get('/api/auth/session')).statusCode === 401)).toBe(true);

    const gone = await counsellor();
    const goneOnB = onB(gone.client);
    await ping(goneOnB);
    expect((await admin.patch(`/api/users/${gone.id}`, { active: false })).statusCode).toBe(200);
    expect(await within(1000, async () => (await goneOnB.get('/api/auth/session')).statusCode === 401)).toBe(true);
  });

  it('stops serving from memory while its listener is gone, and resumes after reconnecting', async () => {
    const { client } = await counsellor();
    const cache = sessionCacheFor(b.db)!;
    // Ends both instances' listener connections, as a restart of PostgreSQL would.
    const ended = await outsideSql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`, [LISTENER_NAME]);
    expect(ended.length).toBeGreaterThan(0);
    expect(await within(2000, async () => !cache.live)).toBe(true);
    const onBClient = onB(client);
    expect(await queriesDuring(b, () => ping(onBClient))).toBe(1);
    expect(await within(5000, async () => cache.live)).toBe(true);
    await ping(onBClient);
    expect(await queriesDuring(b, () => ping(onBClient))).toBe(0);
  });
});

describe('SessionCache', () => {
  const user = (n: number, userId = `u${n}`): SessionUser => ({
    sessionHash: `h${n}`, userId, name: 'N', email: 'e', locale: 'da', partnershipId: null, role: null, csrfToken: 'c',
  });
  const soon = new Date(Date.now() + 3_600_000);

  it('serves only while live, within a minute of last_seen_at and before expiry', () => {
    const c = new SessionCache();
    c.put(c.ticket(), user(1), soon, new Date());
    expect(c.get('h1', 30)).toBeNull();
    c.setLive(true);
    c.put(c.ticket(), user(1), soon, new Date());
    expect(c.get('h1', 30)?.userId).toBe('u1');
    expect(c.get('h1', 30, Date.now() + 61_000)).toBeNull();
    c.put(c.ticket(), user(2), new Date(Date.now() + 1000), new Date());
    expect(c.get('h2', 30, Date.now() + 2000)).toBeNull();
  });

  it('drops a lookup that raced with an eviction, evicts by user, and stays bounded', () => {
    const c = new SessionCache(3);
    c.setLive(true);
    const ticket = c.ticket();
    c.apply('s:elsewhere');
    c.put(ticket, user(1), soon, new Date());
    expect(c.get('h1', 30)).toBeNull();
    for (const n of [1, 2, 3]) c.put(c.ticket(), user(n, 'same'), soon, new Date());
    c.put(c.ticket(), user(4), soon, new Date());
    expect(c.size).toBe(3);
    expect(c.get('h1', 30)).toBeNull();
    c.apply('u:same');
    expect(c.size).toBe(1);
    c.apply('*');
    expect(c.size).toBe(0);
  });
});
