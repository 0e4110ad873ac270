import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../helpers/factories.ts';

let t: TestApp;
let aulum: { id: string };
let billund: { id: string };
let billundYoung: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  aulum = await makePartnership(t.db, 'Aulum');
  billund = await makePartnership(t.db, 'Billund');
  billundYoung = await makeYoungPerson(t.db, billund.id, { firstName: 'Bodil' });
});
afterAll(() => t.close());

describe('tenancy', () => {
  it("gives 404 for another partnership's young person, and does not list them", async () => {
    const counsellor = await makeUser(t.db, aulum.id, 'counsellor');
    const client = await t.login(counsellor.email);
    const res = await client.get(`/api/youth/${billundYoung.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Bodil');
    const list = await client.get('/api/youth');
    expect(list.json().map((y: { id: string }) => y.id)).not.toContain(billundYoung.id);
  });

  it('follows the partnership the user switched to, and only one they belong to', async () => {
    const both = await makeUser(t.db, aulum.id, 'counsellor');
    await t.db.insertInto('memberships').values({ user_id: both.id, partnership_id: billund.id, role: 'counsellor' }).execute();
    const client = await t.login(both.email);
    const outsider = await makePartnership(t.db, 'Udenfor');
    expect((await client.post('/api/auth/partnership', { partnershipId: outsider.id })).statusCode).toBe(403);
    expect((await client.post('/api/auth/partnership', { partnershipId: billund.id })).statusCode).toBe(200);
    expect((await client.get(`/api/youth/${billundYoung.id}`)).statusCode).toBe(200);
  });

  it('lets a young person read only their own record', async () => {
    const userA = await makeUser(t.db, aulum.id, 'young_person');
    const own = await makeYoungPerson(t.db, aulum.id, { userId: userA.id });
    const other = await makeYoungPerson(t.db, aulum.id);
    const client = await t.login(userA.email);
    expect((await client.get(`/api/youth/${own.id}`)).statusCode).toBe(200);
    expect((await client.get(`/api/youth/${other.id}`)).statusCode).toBe(404);
    expect((await client.get('/api/youth')).statusCode).toBe(403);
  });

  it('refuses roles the rule does not name, and anonymous callers', async () => {
    const company = await makeUser(t.db, aulum.id, 'company_contact');
    const client = await t.login(company.email);
    expect((await client.get('/api/youth')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/youth')).statusCode).toBe(401);
  });
});
