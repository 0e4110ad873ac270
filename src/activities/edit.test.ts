import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';

let t: TestApp;
let counsellor: TestClient;
let leader: TestClient;
let otherLeader: TestClient;
let youth: TestClient;
let outsider: TestClient;
let activityId: string;
let scheduleIds: string[];

beforeAll(async () => {
  t = await createTestApp();
  const pid = (await makePartnership(t.db)).id;
  counsellor = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
  leader = await t.login((await makeUser(t.db, pid, 'association_contact', 'Søren Leder')).email);
  otherLeader = await t.login((await makeUser(t.db, pid, 'association_contact')).email);
  youth = await t.login((await makeUser(t.db, pid, 'young_person')).email);
  const otherPid = (await makePartnership(t.db)).id;
  outsider = await t.login((await makeUser(t.db, otherPid, 'counsellor')).email);
  const res = await leader.post('/api/activities', {
    name: 'Fitness', kind: 'fitness', place: 'Aulum Fitness',
    schedules: [{ weekday: 2, start: '17:00', end: '18:00', validFrom: '2026-01-01' }, { weekday: 4, start: '17:00', end: '18:00', validFrom: '2026-01-01' }],
  });
  expect(res.statusCode).toBe(201);
  activityId = res.json().id;
  scheduleIds = res.json().schedules.map((s: { id: string }) => s.id);
});
afterAll(() => t?.close());

describe('editing an activity', () => {
  it('the leading association contact renames it and moves it; the list shows the change', async () => {
    const res = await leader.patch(`/api/activities/${activityId}`, { name: 'Fitness for alle', place: 'Hallen', description: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Fitness for alle', place: 'Hallen', description: null, kind: 'fitness' });
    const list = (await youth.get('/api/activities')).json() as { id: string; name: string }[];
    expect(list.find((a) => a.id === activityId)!.name).toBe('Fitness for alle');
  });

  it('a counsellor may edit any activity in the partnership', async () => {
    const res = await counsellor.patch(`/api/activities/${activityId}`, { kind: 'sport' });
    expect(res.statusCode).toBe(200);
    expect(res.json().kind).toBe('sport');
  });

  it('refuses another association contact, a young person, another partnership and bad input', async () => {
    expect((await otherLeader.patch(`/api/activities/${activityId}`, { name: 'Kapret' })).statusCode).toBe(404);
    expect((await youth.patch(`/api/activities/${activityId}`, { name: 'Kapret' })).statusCode).toBe(403);
    expect((await outsider.patch(`/api/activities/${activityId}`, { name: 'Kapret' })).statusCode).toBe(404);
    expect((await leader.patch(`/api/activities/${activityId}`, {})).statusCode).toBe(400);
    expect((await leader.patch(`/api/activities/${activityId}`, { kind: 'party' })).statusCode).toBe(400);
    const badAssoc = await leader.patch(`/api/activities/${activityId}`, { associationId: '00000000-0000-4000-8000-000000000000' });
    expect(badAssoc.statusCode).toBe(400);
    expect(badAssoc.json().error.message).toBe('Foreningen findes ikke.');
    const a = (await counsellor.get(`/api/activities/${activityId}`)).json();
    expect(a.name).toBe('Fitness for alle');
  });

  it('removes a weekly time: the meetings on that weekday are gone, the other stays', async () => {
    expect((await otherLeader.delete(`/api/activities/${activityId}/schedules/${scheduleIds[0]}`)).statusCode).toBe(404);
    expect((await youth.delete(`/api/activities/${activityId}/schedules/${scheduleIds[0]}`)).statusCode).toBe(403);
    const res = await leader.delete(`/api/activities/${activityId}/schedules/${scheduleIds[0]}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().schedules.map((s: { weekday: number }) => s.weekday)).toEqual([4]);
    const occ = (await leader.get(`/api/activities/${activityId}/occurrences?days=28`)).json() as { date: string }[];
    expect(occ.length).toBeGreaterThan(0);
    expect(occ.every((o) => new Date(`${o.date}T12:00:00Z`).getUTCDay() === 4)).toBe(true);
    expect((await leader.delete(`/api/activities/${activityId}/schedules/${scheduleIds[0]}`)).statusCode).toBe(404);
  });
});

describe('an end time before the start time (#21)', () => {
  it('is refused at the field, in words, naming the start; the right row of several when creating', async () => {
    const one = await leader.post(`/api/activities/${activityId}/schedules`, { weekday: 3, start: '18:00', end: '17:30', validFrom: '2026-01-01' });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.fields).toEqual([{ field: 'end', message: 'Sluttidspunktet skal ligge efter starttidspunktet kl. 18:00.' }]);
    const many = await leader.post('/api/activities', {
      name: 'Padel', kind: 'sport', place: 'Hallen',
      schedules: [{ weekday: 1, start: '17:00', end: '18:00', validFrom: '2026-01-01' }, { weekday: 3, start: '19:00', end: '19:00', validFrom: '2026-01-01' }],
    });
    expect(many.statusCode).toBe(400);
    expect(many.json().error.fields).toEqual([{ field: 'schedules.1.end', message: 'Sluttidspunktet skal ligge efter starttidspunktet kl. 19:00.' }]);
  });
});
