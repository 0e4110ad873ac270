import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { makeCompany, makeOpening, makePlacement } from '../companies/testkit.ts';
import { computeStability } from './attendance.ts';
import { addDays, isoWeek, mondayOf, todayInDenmark } from './dates.ts';

let t: TestApp;
let pid: string;
let counsellorId: string;
let counsellor: TestClient;
let counsellor2: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db)).id;
  counsellorId = (await makeUser(t.db, pid, 'counsellor')).id;
  const email = (await t.db.selectFrom('users').select('email').where('id', '=', counsellorId).executeTakeFirstOrThrow()).email;
  counsellor = await t.login(email);
  counsellor2 = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
});
afterAll(() => t.close());

const today = todayInDenmark();

describe('placing a young person', () => {
  it('places a young person on an opening with the opening\'s starting schedule, and audits it', async () => {
    const c = await makeCompany(t.db, pid);
    const o = await makeOpening(t.db, pid, c.id, 1);
    const yp = await makeYoungPerson(t.db, pid, { counsellorId });
    const res = await counsellor.post('/api/placements', { youngPersonId: yp.id, openingId: o.id, kind: 'trial', startDate: today, status: 'active' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'trial', status: 'active', companyName: c.name, schedule: [{ validFrom: today, weekdays: [1], hoursPerDay: 4 }] });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', yp.id).where('action', '=', 'create').execute();
    expect(audit).toHaveLength(1);
  });

  it('a placement that starts moves the pathway to "I praktik", with the reason in the history; a planned one waits (#21)', async () => {
    const c = await makeCompany(t.db, pid);
    const o = await makeOpening(t.db, pid, c.id, 3);
    const stageOf = async (id: string) => (await counsellor.get(`/api/youth/${id}`)).json().stage;
    const started = await makeYoungPerson(t.db, pid, { counsellorId });
    await t.db.updateTable('young_people').set({ stage: 'clarification' }).where('id', '=', started.id).execute();
    expect((await counsellor.post('/api/placements', { youngPersonId: started.id, openingId: o.id, kind: 'trial', startDate: today, status: 'active' })).statusCode).toBe(201);
    expect(await stageOf(started.id)).toBe('in_placement');
    const events = await t.db.selectFrom('pathway_events').select(['from_stage', 'to_stage', 'note']).where('young_person_id', '=', started.id).execute();
    expect(events).toContainEqual({ from_stage: 'clarification', to_stage: 'in_placement', note: 'Praktikforløb startet' });

    const planned = await makeYoungPerson(t.db, pid, { counsellorId });
    await t.db.updateTable('young_people').set({ stage: 'screening' }).where('id', '=', planned.id).execute();
    const p = (await counsellor.post('/api/placements', { youngPersonId: planned.id, openingId: o.id, kind: 'trial', startDate: today })).json();
    expect(await stageOf(planned.id)).toBe('screening');
    expect((await counsellor.patch(`/api/placements/${p.id}`, { status: 'active' })).statusCode).toBe(200);
    expect(await stageOf(planned.id)).toBe('in_placement');
  });

  it('refuses a kind the opening does not offer, and another network\'s young person', async () => {
    const c = await makeCompany(t.db, pid);
    const o = await makeOpening(t.db, pid, c.id, 5);
    const yp = await makeYoungPerson(t.db, pid);
    expect((await counsellor.post('/api/placements', { youngPersonId: yp.id, openingId: o.id, kind: 'apprenticeship', startDate: today })).statusCode).toBe(400);
    const stranger = await makeYoungPerson(t.db, (await makePartnership(t.db)).id);
    expect((await counsellor.post('/api/placements', { youngPersonId: stranger.id, openingId: o.id, kind: 'trial', startDate: today })).statusCode).toBe(404);
  });

  it('holds capacity when several counsellors book the last places at the same moment', async () => {
    const c = await makeCompany(t.db, pid);
    const o = await makeOpening(t.db, pid, c.id, 2);
    const people = await Promise.all(Array.from({ length: 6 }, () => makeYoungPerson(t.db, pid)));
    const results = await Promise.all(people.map((yp, i) =>
      (i % 2 ? counsellor : counsellor2).post('/api/placements', { youngPersonId: yp.id, openingId: o.id, kind: 'work_placement', startDate: today })));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 409, 409, 409, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.message).toMatch(/ingen ledige pladser/);
    const { n } = await t.db.selectFrom('placements').select((eb) => eb.fn.countAll<number>().as('n')).where('opening_id', '=', o.id).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(2);
  });

  it('frees the place when a placement ends, and requires a cause for a breakdown', async () => {
    const c = await makeCompany(t.db, pid);
    const o = await makeOpening(t.db, pid, c.id, 1);
    const [a, b] = [await makeYoungPerson(t.db, pid), await makeYoungPerson(t.db, pid)];
    const first = (await counsellor.post('/api/placements', { youngPersonId: a.id, openingId: o.id, kind: 'trial', startDate: '2026-01-05', status: 'active' })).json();
    expect((await counsellor.post('/api/placements', { youngPersonId: b.id, openingId: o.id, kind: 'trial', startDate: today })).statusCode).toBe(409);
    const noCause = await counsellor.post(`/api/placements/${first.id}/end`, { endDate: '2026-02-01', endReason: 'breakdown' });
    expect(noCause.statusCode).toBe(400);
    expect(noCause.json().error.message).toMatch(/årsagen/);
    const ended = await counsellor.post(`/api/placements/${first.id}/end`, { endDate: '2026-02-01', endReason: 'breakdown', breakdownCause: 'expectations' });
    expect(ended.json()).toMatchObject({ status: 'ended', endReason: 'breakdown', breakdownCause: 'expectations' });
    expect((await counsellor.post(`/api/placements/${first.id}/end`, { endDate: '2026-02-02', endReason: 'hired' })).statusCode).toBe(409);
    expect((await counsellor.post('/api/placements', { youngPersonId: b.id, openingId: o.id, kind: 'trial', startDate: today })).statusCode).toBe(201);
  });
  it('an end by hiring moves the pathway to "employed" and puts "registrér resultatet" on the counsellor\'s task list', async () => {
    const c = await makeCompany(t.db, pid);
    const o = await makeOpening(t.db, pid, c.id, 1);
    const yp = await makeYoungPerson(t.db, pid, { counsellorId, firstName: 'Asta' });
    const p = (await counsellor.post('/api/placements', { youngPersonId: yp.id, openingId: o.id, kind: 'paid_hours', startDate: '2026-01-05', status: 'active' })).json();
    await counsellor.post(`/api/placements/${p.id}/end`, { endDate: '2026-04-01', endReason: 'hired' });
    const tasks = (await counsellor.get('/api/tasks')).json();
    expect(tasks.find((x: { placementId: string }) => x.placementId === p.id)).toMatchObject({ kind: 'pathway_outcome', youngPersonId: yp.id, title: expect.stringMatching(/Asta er blevet ansat/) });
    const pathway = await t.db.selectFrom('young_people').select('stage').where('id', '=', yp.id).executeTakeFirstOrThrow();
    expect(pathway.stage).toBe('employed');
    const history = await t.db.selectFrom('pathway_events').selectAll().where('young_person_id', '=', yp.id).execute();
    expect(history.at(-1)).toMatchObject({ kind: 'stage', to_stage: 'employed' });
  });
});

describe('placing with the full form, pausing and resuming', () => {
  it('places as planned with an end date, mentor, schedule and the earlier step; refuses another young person\'s step', async () => {
    const c = await makeCompany(t.db, pid);
    const o = await makeOpening(t.db, pid, c.id, 3);
    const mentor = (await counsellor.post(`/api/companies/${c.id}/contacts`, { name: 'Mette Mentor' })).json();
    const yp = await makeYoungPerson(t.db, pid);
    const first = await makePlacement(t.db, { partnershipId: pid, youngPersonId: yp.id, companyId: c.id, openingId: o.id, startDate: '2026-01-05' });
    const body = {
      youngPersonId: yp.id, openingId: o.id, kind: 'work_placement', status: 'planned', startDate: '2027-03-01', endDate: '2027-05-31',
      mentorContactId: mentor.id, previousPlacementId: first.id, schedule: { weekdays: [1, 3], hoursPerDay: 5 },
    };
    const res = await counsellor.post('/api/placements', body);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'planned', endDate: '2027-05-31', mentor: { name: 'Mette Mentor' }, previousPlacementId: first.id,
      schedule: [{ validFrom: '2027-03-01', weekdays: [1, 3], hoursPerDay: 5 }],
    });
    const stranger = await makeYoungPerson(t.db, pid);
    const refused = await counsellor.post('/api/placements', { ...body, youngPersonId: stranger.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({ field: 'previousPlacementId' });
  });

  it('pauses and resumes a placement, keeping its place; refuses a change to an ended one (409) and the status "ended" (400)', async () => {
    const c = await makeCompany(t.db, pid);
    const o = await makeOpening(t.db, pid, c.id, 1);
    const yp = await makeYoungPerson(t.db, pid);
    const p = (await counsellor.post('/api/placements', { youngPersonId: yp.id, openingId: o.id, kind: 'trial', startDate: '2026-01-05', status: 'active' })).json();
    const paused = await counsellor.patch(`/api/placements/${p.id}`, { status: 'paused' });
    expect(paused.statusCode).toBe(200);
    expect(paused.json().status).toBe('paused');
    // The place is held while paused.
    const other = await makeYoungPerson(t.db, pid);
    expect((await counsellor.post('/api/placements', { youngPersonId: other.id, openingId: o.id, kind: 'trial', startDate: today })).statusCode).toBe(409);
    expect((await counsellor.patch(`/api/placements/${p.id}`, { status: 'active' })).json().status).toBe('active');
    expect((await counsellor.patch(`/api/placements/${p.id}`, { status: 'ended' })).statusCode).toBe(400);
    await counsellor.post(`/api/placements/${p.id}/end`, { endDate: '2026-02-01', endReason: 'ended_as_planned' });
    const late = await counsellor.patch(`/api/placements/${p.id}`, { status: 'paused' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/afsluttet/);
  });
});

describe('the ladder', () => {
  it('chains placements and steps up hours; the young person sees their own ladder, not others\'', async () => {
    const ypUser = await makeUser(t.db, pid, 'young_person');
    const yp = await makeYoungPerson(t.db, pid, { userId: ypUser.id });
    const c = await makeCompany(t.db, pid, 'Stige ApS');
    const o = await makeOpening(t.db, pid, c.id, 3);
    const trial = (await counsellor.post('/api/placements', { youngPersonId: yp.id, openingId: o.id, kind: 'trial', startDate: '2026-01-05', status: 'active' })).json();
    await counsellor.post(`/api/placements/${trial.id}/end`, { endDate: '2026-01-06', endReason: 'ended_as_planned' });
    const wp = (await counsellor.post('/api/placements', {
      youngPersonId: yp.id, openingId: o.id, kind: 'work_placement', startDate: '2026-01-12', status: 'active', previousPlacementId: trial.id,
      schedule: { weekdays: [2], hoursPerDay: 4 },
    })).json();
    const stepped = await counsellor.post(`/api/placements/${wp.id}/schedule`, { validFrom: '2026-03-02', weekdays: [1, 2, 3], hoursPerDay: 6 });
    expect(stepped.json().schedule).toHaveLength(2);
    const ladder = (await counsellor.get(`/api/placements/ladder/${yp.id}`)).json();
    expect(ladder.steps.map((s: { kind: string }) => s.kind)).toEqual(['trial', 'work_placement']);
    expect(ladder.steps[1]).toMatchObject({ previousPlacementId: trial.id, hoursPerWeekNow: 18 });
    const self = await t.login(ypUser.email);
    expect((await self.get(`/api/placements/ladder/${yp.id}`)).statusCode).toBe(200);
    const other = await makeYoungPerson(t.db, pid);
    expect((await self.get(`/api/placements/ladder/${other.id}`)).statusCode).toBe(404);
    // A step before the start of the placement is refused.
    expect((await counsellor.post(`/api/placements/${wp.id}/schedule`, { validFrom: '2025-12-01', weekdays: [1], hoursPerDay: 2 })).statusCode).toBe(400);
  });
});

describe('attendance stability', () => {
  it('computes the share of planned days met per ISO week and flags a fall', () => {
    const monday = addDays(mondayOf(today), -21);
    const records: { day: string; status: string }[] = [];
    // Three weeks ago and two weeks ago: all met; last week and this week: none.
    for (let w = 0; w < 4; w++) for (let d = 0; d < 2; d++) {
      const day = addDays(monday, w * 7 + d);
      if (day <= today) records.push({ day, status: w < 2 ? 'present' : 'absent' });
    }
    const s = computeStability({ start_date: monday, end_date: null, status: 'active' }, [{ validFrom: monday, weekdays: [1, 2], hoursPerDay: 4 }], records, today);
    expect(s.weeks[0]).toMatchObject({ week: isoWeek(monday), planned: 2, met: 2, share: 1 });
    expect(s.weeks[2]).toMatchObject({ planned: 2, met: 0, share: 0 });
    expect(s.falling).toBe(true);
    expect(s.reason).toMatch(/faldet|fremmøde/);
  });

  it('does not count unregistered days as missed', () => {
    const monday = addDays(mondayOf(today), -7);
    const s = computeStability({ start_date: monday, end_date: null, status: 'active' }, [{ validFrom: monday, weekdays: [1, 2, 3], hoursPerDay: 4 }], [{ day: monday, status: 'late' }], today);
    expect(s.weeks[0]).toMatchObject({ planned: 3, met: 1, unregistered: 2, share: 1 });
    expect(s.falling).toBe(false);
  });

  it('lists falling placements for the counsellor', async () => {
    const c = await makeCompany(t.db, pid);
    const o = await makeOpening(t.db, pid, c.id, 1);
    const yp = await makeYoungPerson(t.db, pid);
    const start = addDays(mondayOf(today), -28);
    const p = await makePlacement(t.db, { partnershipId: pid, youngPersonId: yp.id, companyId: c.id, openingId: o.id, startDate: start, weekdays: [1] });
    for (let w = 0; w < 5; w++) {
      const day = addDays(start, w * 7);
      if (day <= today) await t.db.insertInto('attendance').values({ placement_id: p.id, day, status: w < 3 ? 'present' : 'sick' }).execute();
    }
    const res = await counsellor.get('/api/placements/attention');
    expect(res.statusCode).toBe(200);
    expect(res.json().map((x: { placement: { id: string } }) => x.placement.id)).toContain(p.id);
    const detail = (await counsellor.get(`/api/placements/${p.id}`)).json();
    expect(detail.stability.falling).toBe(true);
  });
});
