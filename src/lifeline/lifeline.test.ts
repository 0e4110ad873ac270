import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { toLocal } from './zoned-time.ts';

let t: TestApp;
let pid: string;
let counsellor: TestClient;
let youth: TestClient;
let company: TestClient;
let counsellorUser: { id: string; email: string };
let mentorUser: { id: string; email: string };

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db)).id;
  counsellorUser = await makeUser(t.db, pid, 'counsellor', 'Mette Vagt');
  await t.db.updateTable('users').set({ phone: '+45 96 28 00 01' }).where('id', '=', counsellorUser.id).execute();
  mentorUser = await makeUser(t.db, pid, 'volunteer_mentor', 'Ole Frivillig');
  const ypUser = await makeUser(t.db, pid, 'young_person');
  await makeYoungPerson(t.db, pid, { userId: ypUser.id, counsellorId: counsellorUser.id });
  counsellor = await t.login(counsellorUser.email);
  youth = await t.login(ypUser.email);
  company = await t.login((await makeUser(t.db, pid, 'company_contact')).email);
});
afterAll(() => t?.close());

describe('the lifeline', () => {
  it('with nobody on call the young person sees the after-hours numbers and 112', async () => {
    const put = await counsellor.put('/api/lifeline/settings', {
      afterHoursNumbers: [{ label: 'Vagttelefon Herning', phone: '96 28 28 28' }], weekdayEveningStart: '16:00', weekdayEveningEnd: '22:00',
      weekendStart: '10:00', weekendEnd: '22:00', holidays: ['2026-12-24'],
    });
    expect(put.statusCode).toBe(200);
    const now = (await youth.get('/api/lifeline/now')).json();
    expect(now).toEqual({ onCall: null, afterHours: [{ label: 'Vagttelefon Herning', phone: '96 28 28 28' }], emergency: '112' });
  });

  it('a coordinator puts a counsellor on call now; the young person sees "call now" with the number and until when', async () => {
    const from = toLocal(new Date(Date.now() - 3_600_000));
    const to = toLocal(new Date(Date.now() + 2 * 3_600_000));
    const res = await counsellor.post('/api/lifeline/shifts', { userId: counsellorUser.id, date: from.date, start: from.time, end: to.time });
    expect(res.statusCode).toBe(201);
    const now = (await youth.get('/api/lifeline/now')).json();
    expect(now.onCall).toMatchObject({ name: 'Mette Vagt', phone: '+45 96 28 00 01', untilLocal: to.time });
    const msg = await t.db.selectFrom('outbox').selectAll().where('recipient', '=', counsellorUser.email).execute();
    expect(msg.map((m) => m.kind)).toEqual(['lifeline_shift']);
  });

  it('only counsellors and mentors who opted in can be put on the rota', async () => {
    const tomorrow = toLocal(new Date(Date.now() + 86_400_000)).date;
    const refused = await counsellor.post('/api/lifeline/shifts', { userId: mentorUser.id, date: tomorrow, start: '18:00', end: '22:00', phone: '+45 11 11 11 11' });
    expect(refused.statusCode).toBe(400);
    await t.db.insertInto('mentors').values({ partnership_id: pid, user_id: mentorUser.id, kind: 'professional', name: 'Ole Frivillig', phone: '+45 22 22 22 22', lifeline_opt_in: true }).execute();
    const people = (await counsellor.get('/api/lifeline/people')).json();
    expect(people.map((p: { name: string }) => p.name).sort()).toEqual(['Mette Vagt', 'Ole Frivillig']);
    const ok = await counsellor.post('/api/lifeline/shifts', { userId: mentorUser.id, date: tomorrow, start: '18:00', end: '02:00' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().phone).toBe('+45 22 22 22 22');
    expect(new Date(ok.json().endsAt).getTime() - new Date(ok.json().startsAt).getTime()).toBeGreaterThanOrEqual(7 * 3_600_000);
  });

  it('shows the coordinator the gaps in the coming two weeks', async () => {
    const gaps = (await counsellor.get('/api/lifeline/gaps')).json();
    expect(gaps.length).toBeGreaterThan(5);
    const tomorrow = toLocal(new Date(Date.now() + 86_400_000)).date;
    const tomorrowGaps = gaps.filter((g: { date: string }) => g.date === tomorrow);
    // 18:00–02:00 covers the evening from 18:00; only the part before 18:00 is open.
    expect(tomorrowGaps.every((g: { to: string }) => g.to <= '18:00')).toBe(true);
  });

  it('refuses bad input and the wrong roles', async () => {
    expect((await counsellor.post('/api/lifeline/shifts', { userId: counsellorUser.id, date: '2026-02-30', start: '18:00', end: '20:00' })).statusCode).toBe(400);
    expect((await counsellor.post('/api/lifeline/shifts', { userId: counsellorUser.id, date: '2026-02-03', start: '25:00', end: '20:00' })).statusCode).toBe(400);
    expect((await youth.post('/api/lifeline/shifts', { userId: counsellorUser.id, date: '2026-02-03', start: '18:00', end: '20:00' })).statusCode).toBe(403);
    expect((await company.get('/api/lifeline/shifts')).statusCode).toBe(403);
    expect((await youth.get('/api/lifeline/gaps')).statusCode).toBe(403);
    expect((await t.anonymous().get('/api/lifeline/now')).statusCode).toBe(401);
  });

  it('another partnership neither sees nor deletes the shifts', async () => {
    const other = await makePartnership(t.db);
    const c2 = await t.login((await makeUser(t.db, other.id, 'counsellor')).email);
    const mine = (await counsellor.get('/api/lifeline/shifts')).json();
    expect((await c2.get('/api/lifeline/shifts')).json()).toEqual([]);
    expect((await c2.delete(`/api/lifeline/shifts/${mine[0].id}`)).statusCode).toBe(404);
    expect((await counsellor.delete(`/api/lifeline/shifts/${mine[0].id}`)).statusCode).toBe(204);
  });
});
