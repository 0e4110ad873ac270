import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { addDays, localToInstant, toLocal, weekdayOf } from '../lifeline/zoned-time.ts';

let t: TestApp;
let pid: string;
let counsellor: TestClient;
let leader: TestClient;
let otherLeader: TestClient;
let youth: TestClient;
let company: TestClient;
let leaderUser: { id: string; email: string };
let ypId: string;
let ypUser: { id: string; email: string };
let meetingId: string;
const today = toLocal(new Date()).date;
const lastWeek = addDays(today, -7);

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db)).id;
  const c = await makeUser(t.db, pid, 'counsellor');
  leaderUser = await makeUser(t.db, pid, 'association_contact', 'Søren Leder');
  const other = await makeUser(t.db, pid, 'association_contact');
  ypUser = await makeUser(t.db, pid, 'young_person');
  ypId = (await makeYoungPerson(t.db, pid, { userId: ypUser.id, counsellorId: c.id, firstName: 'Freja', birthDate: '2004-04-04' })).id;
  await t.db.updateTable('young_people').set({ email: 'freja@test.invalid' }).where('id', '=', ypId).execute();
  counsellor = await t.login(c.email);
  leader = await t.login(leaderUser.email);
  otherLeader = await t.login(other.email);
  youth = await t.login(ypUser.email);
  company = await t.login((await makeUser(t.db, pid, 'company_contact')).email);
});
afterAll(() => t?.close());

describe('community activities', () => {
  it('a counsellor registers an association and its weekly youth network meeting', async () => {
    const assoc = await counsellor.post('/api/associations', { name: 'Aulum IF', contactUserId: leaderUser.id });
    expect(assoc.statusCode).toBe(201);
    const res = await counsellor.post('/api/activities', {
      name: 'UngeMilen', kind: 'network_meeting', associationId: assoc.json().id, place: 'Aulum Fritidscenter', leaderUserId: leaderUser.id,
      schedules: [{ weekday: weekdayOf(lastWeek), start: '00:00', end: '00:45', validFrom: addDays(today, -70) }],
    });
    expect(res.statusCode).toBe(201);
    meetingId = res.json().id;
    expect(res.json()).toMatchObject({ name: 'UngeMilen', leaderName: 'Søren Leder', associationName: 'Aulum IF' });
    // Today's meeting (00:00–00:45) is over unless the test runs in those minutes after midnight in Denmark.
    const todaysMeetingOver = toLocal(new Date()).time >= '00:45' || toLocal(new Date()).date !== today;
    expect(res.json().next[0].date).toBe(todaysMeetingOver ? addDays(today, 7) : today);
  });

  it('refuses a schedule that ends before it starts, and an association contact editing an activity they do not lead', async () => {
    expect((await counsellor.post(`/api/activities/${meetingId}/schedules`, { weekday: 2, start: '18:00', end: '17:00', validFrom: today })).statusCode).toBe(400);
    expect((await otherLeader.post(`/api/activities/${meetingId}/schedules`, { weekday: 2, start: '18:00', end: '19:00', validFrom: today })).statusCode).toBe(404);
    const own = await otherLeader.post('/api/activities', { name: 'Fitness', kind: 'fitness', schedules: [{ weekday: 1, start: '17:00', end: '18:00', validFrom: today }, { weekday: 4, start: '17:00', end: '18:00', validFrom: today }] });
    expect(own.statusCode).toBe(201);
    expect(own.json().iLead).toBe(true);
  });

  it('a young person signs up and sees it in the list', async () => {
    const res = await youth.post(`/api/activities/${meetingId}/signup`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ signedUp: true, signups: 1 });
    expect((await youth.get('/api/activities')).json().find((a: { id: string }) => a.id === meetingId).signedUp).toBe(true);
    expect((await company.post(`/api/activities/${meetingId}/signup`, {})).statusCode).toBe(403);
  });

  it('the leader takes attendance in a tap; others are refused', async () => {
    const roster = await leader.get(`/api/activities/${meetingId}/roster?date=${lastWeek}&start=00:00`);
    expect(roster.statusCode).toBe(200);
    expect(roster.json().people).toEqual([{ youngPersonId: ypId, firstName: 'Freja', present: null }]);
    const put = await leader.put(`/api/activities/${meetingId}/attendance`, { date: lastWeek, start: '00:00', marks: [{ youngPersonId: ypId, present: true }] });
    expect(put.statusCode).toBe(200);
    expect(put.json().people[0].present).toBe(true);
    expect((await otherLeader.get(`/api/activities/${meetingId}/roster?date=${lastWeek}&start=00:00`)).statusCode).toBe(404);
    expect((await youth.get(`/api/activities/${meetingId}/roster?date=${lastWeek}&start=00:00`)).statusCode).toBe(403);
    expect((await leader.put(`/api/activities/${meetingId}/attendance`, { date: lastWeek, start: '10:00', marks: [{ youngPersonId: ypId, present: true }] })).statusCode).toBe(400);
    expect((await leader.put(`/api/activities/${meetingId}/attendance`, { date: addDays(today, 14), start: '00:00', marks: [{ youngPersonId: ypId, present: true }] })).statusCode).toBe(400);
    const audited = await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', ypId).where('subject_kind', '=', 'activity_attendance').execute();
    expect(audited.map((a) => a.action)).toEqual(expect.arrayContaining(['read', 'change']));
  });

  it('a cancelled meeting is marked, the signed-up young person is told, and no attendance can be taken', async () => {
    const next = addDays(today, 7);
    const res = await leader.post(`/api/activities/${meetingId}/cancellations`, { date: next, start: '00:00', reason: 'Hallen er lukket' });
    expect(res.statusCode).toBe(201);
    const occ = (await youth.get(`/api/activities/${meetingId}/occurrences?from=${next}&days=1`)).json();
    expect(occ[0]).toMatchObject({ cancelled: true, reason: 'Hallen er lukket' });
    const msg = await t.db.selectFrom('outbox').selectAll().where('recipient', '=', ypUser.email).where('kind', '=', 'activity_cancelled').execute();
    expect(msg).toHaveLength(1);
    expect((await leader.put(`/api/activities/${meetingId}/attendance`, { date: next, start: '00:00', marks: [{ youngPersonId: ypId, present: true }] })).statusCode).toBe(409);
  });

  it('a regular who stopped coming is flagged "slipping away" for the counsellor', async () => {
    // Signed up ten weeks ago; came five times, then missed the last three meetings.
    await t.db.updateTable('activity_signups').set({ signed_up_at: localToInstant(addDays(today, -70), '00:00') }).where('young_person_id', '=', ypId).execute();
    await t.db.deleteFrom('activity_attendance').execute();
    const held = (await counsellor.get(`/api/activities/${meetingId}/occurrences?from=${addDays(today, -70)}&days=71`)).json()
      .filter((o: { startsAt: string }) => new Date(o.startsAt).getTime() <= Date.now());
    expect(held.length).toBeGreaterThanOrEqual(8);
    for (const o of held.slice(0, -3)) await leader.put(`/api/activities/${meetingId}/attendance`, { date: o.date, start: '00:00', marks: [{ youngPersonId: ypId, present: true }] });
    // The last three meetings were held, but nobody took attendance: that is not "missed".
    expect((await counsellor.get('/api/activities/slipping')).json()).toEqual([]);
    expect((await counsellor.get(`/api/activities/attendance/young-people/${ypId}`)).json()[0]).toMatchObject({ slippingAway: false, held: held.length - 3 });
    for (const o of held.slice(-3)) await leader.put(`/api/activities/${meetingId}/attendance`, { date: o.date, start: '00:00', marks: [{ youngPersonId: ypId, present: false }] });
    const slipping = (await counsellor.get('/api/activities/slipping')).json();
    expect(slipping).toEqual([expect.objectContaining({ youngPersonId: ypId, activityName: 'UngeMilen' })]);
    // Another counsellor sees only their own young people, unless they ask for the whole partnership.
    const colleague = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
    expect((await colleague.get('/api/activities/slipping')).json()).toEqual([]);
    expect((await colleague.get('/api/activities/slipping?all=true')).json()).toEqual([expect.objectContaining({ youngPersonId: ypId })]);
    const trend = (await counsellor.get(`/api/activities/attendance/young-people/${ypId}`)).json();
    expect(trend[0]).toMatchObject({ slippingAway: true, held: held.length, attended: held.length - 3 });
    expect((await company.get('/api/activities/slipping')).statusCode).toBe(403);
    expect((await leader.get(`/api/activities/attendance/young-people/${ypId}`)).statusCode).toBe(403);
    // Coming again clears the flag.
    await leader.put(`/api/activities/${meetingId}/attendance`, { date: held.at(-1).date, start: '00:00', marks: [{ youngPersonId: ypId, present: true }] });
    expect((await counsellor.get('/api/activities/slipping')).json()).toEqual([]);
  });
});

describe('calendar feeds', () => {
  it("the young person's private feed parses as iCalendar with the activity's meetings at the right instants, and can be revoked", async () => {
    await t.db.updateTable('young_people').set({ next_appointment_at: localToInstant(addDays(today, 2), '10:30'), next_appointment_place: 'Jobcentret, lokale 3' }).where('id', '=', ypId).execute();
    const made = await youth.post('/api/calendar-feeds', { kind: 'young_person' });
    expect(made.statusCode).toBe(201);
    const path = new URL(made.json().url).pathname;
    const res = await t.anonymous().get(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const appointment = events.find((e) => e.summary === 'Aftale med din ungevejleder')!;
    expect(appointment.startDate.toJSDate().toISOString()).toBe(localToInstant(addDays(today, 2), '10:30').toISOString());
    expect(appointment.location).toBe('Jobcentret, lokale 3');
    const meetings = events.filter((e) => e.summary.includes('UngeMilen'));
    expect(meetings.length).toBeGreaterThan(5);
    for (const m of meetings) expect(toLocal(m.startDate.toJSDate()).time).toBe('00:00');
    expect(meetings.some((m) => m.summary.startsWith('AFLYST'))).toBe(true);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', ypId).where('subject_kind', '=', 'calendar_feed').where('action', '=', 'export').execute();
    expect(audit).toHaveLength(1);
    expect((await youth.delete(`/api/calendar-feeds/${made.json().id}`)).statusCode).toBe(204);
    expect((await t.anonymous().get(path)).statusCode).toBe(404);
    expect((await t.anonymous().get('/api/calendar/' + 'A'.repeat(43))).statusCode).toBe(404);
  });

  it('an activity feed for its leader; another leader and a company are refused', async () => {
    const made = await leader.post('/api/calendar-feeds', { kind: 'activity', subjectId: meetingId });
    expect(made.statusCode).toBe(201);
    const body = (await t.anonymous().get(new URL(made.json().url).pathname)).body;
    const cal = new ICAL.Component(ICAL.parse(body));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Fodfæste: UngeMilen');
    expect((await otherLeader.post('/api/calendar-feeds', { kind: 'activity', subjectId: meetingId })).statusCode).toBe(404);
    expect((await otherLeader.post('/api/calendar-feeds', { kind: 'young_person', subjectId: ypId })).statusCode).toBe(404);
    expect((await company.post('/api/calendar-feeds', { kind: 'activity', subjectId: meetingId })).statusCode).toBe(403);
  });
});
