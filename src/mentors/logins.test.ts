import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';

let t: TestApp;
let counsellor: TestClient;
let linked: { id: string };
let free: { id: string };
let outsider: { id: string };
let counsellorUser: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await makePartnership(t.db)).id;
  const other = (await makePartnership(t.db)).id;
  counsellorUser = await makeUser(t.db, pid, 'counsellor', 'Vibeke Vejleder');
  linked = await makeUser(t.db, pid, 'volunteer_mentor', 'Lars Linket');
  free = await makeUser(t.db, pid, 'volunteer_mentor', 'Anna Ledig');
  outsider = await makeUser(t.db, other, 'volunteer_mentor', 'Ole Udenfor');
  counsellor = await t.login((await t.db.selectFrom('users').select('email').where('id', '=', counsellorUser.id).executeTakeFirstOrThrow()).email);
  expect((await counsellor.post('/api/mentors', { kind: 'volunteer', name: 'Lars Linket', userId: linked.id })).statusCode).toBe(201);
});
afterAll(() => t?.close());

describe('logins a counsellor can link to a mentor profile', () => {
  it('lists the partnership\'s mentor logins for the kind, marking the one already linked', async () => {
    const res = await counsellor.get('/api/mentors/logins?kind=volunteer');
    expect(res.statusCode).toBe(200);
    const rows = res.json() as { userId: string; name: string; mentorId: string | null }[];
    expect(rows.map((r) => r.name)).toEqual(['Anna Ledig', 'Lars Linket']);
    expect(rows.find((r) => r.userId === free.id)!.mentorId).toBeNull();
    expect(rows.find((r) => r.userId === linked.id)!.mentorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(rows.some((r) => r.userId === outsider.id)).toBe(false);
    // A professional mentor may also be a counsellor.
    const pro = (await counsellor.get('/api/mentors/logins?kind=professional')).json() as { userId: string }[];
    expect(pro.map((r) => r.userId)).toContain(counsellorUser.id);
  });

  it('links a free login to a new profile, and refuses a login from another partnership', async () => {
    const ok = await counsellor.post('/api/mentors', { kind: 'volunteer', name: 'Anna Ledig', userId: free.id });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().userId).toBe(free.id);
    const bad = await counsellor.patch(`/api/mentors/${ok.json().id}`, { userId: outsider.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('userId');
  });

  it('refuses mentors, companies and young people, and an unknown kind', async () => {
    const pid = (await t.db.selectFrom('memberships').select('partnership_id').where('user_id', '=', free.id).executeTakeFirstOrThrow()).partnership_id;
    for (const role of ['volunteer_mentor', 'company_contact', 'young_person'] as const) {
      const client = await t.login((await makeUser(t.db, pid, role)).email);
      expect((await client.get('/api/mentors/logins?kind=volunteer')).statusCode).toBe(403);
    }
    expect((await counsellor.get('/api/mentors/logins?kind=boss')).statusCode).toBe(400);
  });
});
