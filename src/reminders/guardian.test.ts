import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';

let t: TestApp;
let counsellor: TestClient;
let minor: string;

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await makePartnership(t.db)).id;
  const c = await makeUser(t.db, pid, 'counsellor');
  counsellor = await t.login(c.email);
  const year = new Date().getFullYear();
  minor = (await makeYoungPerson(t.db, pid, { counsellorId: c.id, birthDate: `${year - 16}-01-15` })).id;
  await t.db.updateTable('young_people').set({ guardian_name: 'Mor Jensen', guardian_email: 'mor@test.invalid', guardian_phone: '20 30 40 50' }).where('id', '=', minor).execute();
});
afterAll(() => t?.close());

describe('guardian reminders for a young person under 18', () => {
  it('shows the setting (off by default) with the guardian contact, and logs the read', async () => {
    const res = await counsellor.get(`/api/reminders/guardian/${minor}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      enabled: false, byEmail: true, bySms: false, under18: true, guardianName: 'Mor Jensen', guardianEmail: 'mor@test.invalid', guardianPhone: '20 30 40 50',
    });
    const audits = await t.db.selectFrom('audit_log').select(['action']).where('subject_id', '=', minor).where('subject_kind', '=', 'guardian_reminders').execute();
    expect(audits.map((a) => a.action)).toEqual(['read']);
  });

  it('reads back what was saved, and off again', async () => {
    expect((await counsellor.put(`/api/reminders/guardian/${minor}`, { enabled: true, byEmail: false, bySms: true })).statusCode).toBe(204);
    expect((await counsellor.get(`/api/reminders/guardian/${minor}`)).json()).toMatchObject({ enabled: true, byEmail: false, bySms: true });
    expect((await counsellor.put(`/api/reminders/guardian/${minor}`, { enabled: false, byEmail: true, bySms: false })).statusCode).toBe(204);
    expect((await counsellor.get(`/api/reminders/guardian/${minor}`)).json().enabled).toBe(false);
  });

  it('refuses other roles and other partnerships', async () => {
    const pid = (await t.db.selectFrom('young_people').select('partnership_id').where('id', '=', minor).executeTakeFirstOrThrow()).partnership_id;
    for (const role of ['young_person', 'volunteer_mentor', 'company_contact'] as const) {
      const client = await t.login((await makeUser(t.db, pid, role)).email);
      expect((await client.get(`/api/reminders/guardian/${minor}`)).statusCode).toBe(403);
    }
    const outsider = await t.login((await makeUser(t.db, (await makePartnership(t.db)).id, 'counsellor')).email);
    expect((await outsider.get(`/api/reminders/guardian/${minor}`)).statusCode).toBe(404);
    expect((await counsellor.get('/api/reminders/guardian/not-a-uuid')).statusCode).toBe(400);
  });
});
