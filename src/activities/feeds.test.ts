import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';

/** Issue #22: calendar links do not outlive the one who made them, the young person sees and stops each, and links can be rotated. */
let t: TestApp;
let partnershipId: string;
let ypId: string;
let youth: TestClient;
let admin: TestClient;
let counsellorA: { id: string; email: string };
let counsellorB: { id: string; email: string };

beforeAll(async () => {
  t = await createTestApp();
  partnershipId = (await makePartnership(t.db)).id;
  counsellorA = await makeUser(t.db, partnershipId, 'counsellor');
  counsellorB = await makeUser(t.db, partnershipId, 'counsellor');
  const ypUser = await makeUser(t.db, partnershipId, 'young_person');
  ypId = (await makeYoungPerson(t.db, partnershipId, { counsellorId: counsellorA.id, userId: ypUser.id })).id;
  youth = await t.login(ypUser.email);
  admin = await t.login((await makeUser(t.db, partnershipId, 'admin')).email);
});
afterAll(() => t.close());

type Feed = { id: string; url: string };
type OwnFeed = { id: string; madeBy: string; live: boolean };
const fetchFeed = (feed: Feed) => t.anonymous().get(new URL(feed.url).pathname);
const counsellorFeed = async (c: TestClient) => {
  const res = await c.post('/api/calendar-feeds', { kind: 'young_person', subjectId: ypId });
  expect(res.statusCode).toBe(201);
  return res.json() as Feed;
};
const setCounsellor = async (c: TestClient, counsellorId: string) => {
  const { version } = (await c.get(`/api/youth/${ypId}`)).json() as { version: number };
  expect((await c.patch(`/api/youth/${ypId}`, { version, counsellorId })).statusCode).toBe(200);
};

describe('calendar links and the young person', () => {
  it('lists every link to their calendar on their own page, also one the counsellor made, and stops it there', async () => {
    const own = (await youth.post('/api/calendar-feeds', { kind: 'young_person' })).json() as Feed;
    const byCounsellor = await counsellorFeed(await t.login(counsellorA.email));
    const list = (await youth.get('/api/me/calendar-feeds')).json() as OwnFeed[];
    expect(list).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: own.id, madeBy: 'self', live: true }),
      expect.objectContaining({ id: byCounsellor.id, madeBy: 'counsellor', live: true }),
    ]));
    expect((await fetchFeed(byCounsellor)).statusCode).toBe(200);

    expect((await youth.delete(`/api/calendar-feeds/${byCounsellor.id}`)).statusCode).toBe(204);
    expect((await fetchFeed(byCounsellor)).statusCode).toBe(404);
    expect(((await youth.get('/api/me/calendar-feeds')).json() as OwnFeed[]).map((f) => f.id)).not.toContain(byCounsellor.id);
    expect((await fetchFeed(own)).statusCode).toBe(200);
    // Their stopping it is on record.
    const row = await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', ypId).where('subject_kind', '=', 'calendar_feed').where('action', '=', 'delete').executeTakeFirst();
    expect(row).toMatchObject({ role: 'young_person', purpose: 'own_data' });
  });

  it("a counsellor's link ends when someone else becomes the counsellor", async () => {
    const a = await t.login(counsellorA.email);
    const feed = await counsellorFeed(a);
    expect((await fetchFeed(feed)).statusCode).toBe(200);
    await setCounsellor(a, counsellorB.id);
    expect((await fetchFeed(feed)).statusCode).toBe(404);
    const list = (await youth.get('/api/me/calendar-feeds')).json() as OwnFeed[];
    expect(list.find((f) => f.id === feed.id)).toMatchObject({ live: false });
    // A counsellor who is not theirs cannot link the calendar at all.
    expect((await a.post('/api/calendar-feeds', { kind: 'young_person', subjectId: ypId })).statusCode).toBe(404);
    await setCounsellor(await t.login(counsellorB.email), counsellorA.id);
  });

  it("a link ends when its maker's login is deactivated", async () => {
    const feed = await counsellorFeed(await t.login(counsellorA.email));
    expect((await fetchFeed(feed)).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${counsellorA.id}`, { active: false })).statusCode).toBe(200);
    expect((await fetchFeed(feed)).statusCode).toBe(404);
    expect((await admin.patch(`/api/users/${counsellorA.id}`, { active: true })).statusCode).toBe(200);
  });

  it('a link can be rotated: the new address works, the old one answers 404; only its maker may rotate it', async () => {
    const feed = (await youth.post('/api/calendar-feeds', { kind: 'young_person' })).json() as Feed;
    const rotated = await youth.post(`/api/calendar-feeds/${feed.id}/rotate`, {});
    expect(rotated.statusCode).toBe(200);
    const next = rotated.json() as Feed;
    expect(next.id).toBe(feed.id);
    expect(next.url).not.toBe(feed.url);
    expect((await fetchFeed(feed)).statusCode).toBe(404);
    expect((await fetchFeed(next)).statusCode).toBe(200);
    expect((await (await t.login(counsellorA.email)).post(`/api/calendar-feeds/${feed.id}/rotate`, {})).statusCode).toBe(404);
  });

  it('the young person\'s list is theirs alone', async () => {
    expect((await (await t.login(counsellorA.email)).get('/api/me/calendar-feeds')).statusCode).toBe(403);
    const other = await makeUser(t.db, partnershipId, 'young_person');
    await makeYoungPerson(t.db, partnershipId, { userId: other.id });
    expect((await (await t.login(other.email)).get('/api/me/calendar-feeds')).json()).toEqual([]);
  });
});
