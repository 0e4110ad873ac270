import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { paaVejCohort } from './testing.ts';
import type { ReportBundleView } from './schemas.ts';

let t: TestApp;
let pid: string;
let counsellor: TestClient;
let admin: TestClient;
let steering: TestClient;
const PERIOD = 'from=2025-01-01&to=2025-12-31&asOf=2026-09-01';

const shareGoal = {
  kind: 'share', title: 'Selvforsørgende blandt unge startet i perioden', target: 0.25,
  population: { field: 'startedAt', op: 'inPeriod' },
  success: { field: 'status', op: 'in', values: ['education', 'ordinary_employment'] },
};
const countGoal = { kind: 'count', title: '40 praktikker i 2025', target: 40, entity: 'placements', from: '2025-01-01', to: '2025-12-31' };

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db, 'PÅ VEJ Billund')).id;
  // The PÅ VEJ cohort: 32 started in 2025, 10 of them in education or ordinary employment now.
  for (const [n, r] of paaVejCohort().entries()) {
    await t.db.insertInto('young_people').values({
      partnership_id: pid, first_name: 'Ung', last_name: `Nr ${n}`, birth_date: '2004-05-01', created_at: new Date(`${r.startedAt}T10:00:00Z`),
      stage: r.outcome ? 'ended' : 'in_placement', outcome: r.outcome, outcome_education: r.educationKind ?? null, outcome_date: r.outcomeDate ?? null,
    }).execute();
  }
  counsellor = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
  admin = await t.login((await makeUser(t.db, pid, 'admin')).email);
  steering = await t.login((await makeUser(t.db, pid, 'steering_group')).email);
});
afterAll(async () => { await t?.close(); });

const goalsOf = async (c: TestClient) => (await c.get('/api/reports/goals')).json().goals as { id: string; title: string; target: number }[];

describe('programme goals, one at a time', () => {
  it('a counsellor adds a goal (id made from the title) and sees actual against target with numerator and denominator', async () => {
    const res = await counsellor.post('/api/reports/goals', shareGoal);
    expect(res.statusCode).toBe(201);
    expect(res.json().goals.map((g: { id: string }) => g.id)).toEqual(['selvforsoergende-blandt-unge-start']);
    const b = (await counsellor.get(`/api/reports?${PERIOD}`)).json() as ReportBundleView;
    expect(b.goals[0]).toMatchObject({ title: shareGoal.title, target: 0.25, numerator: 10, denominator: 32, met: true });
    const audit = await t.db.selectFrom('audit_log').selectAll().where('subject_kind', '=', 'report_goal').execute();
    expect(audit.map((a) => [a.action, a.criterion])).toEqual([['create', res.json().goals[0].id]]);
  });

  it('gives a second goal with the same title its own id, and an admin may add goals too', async () => {
    const res = await admin.post('/api/reports/goals', countGoal);
    expect(res.statusCode).toBe(201);
    const again = await counsellor.post('/api/reports/goals', countGoal);
    expect(again.json().goals.map((g: { id: string }) => g.id)).toEqual([expect.any(String), '40-praktikker-i-2025', '40-praktikker-i-2025-2']);
  });

  it('edits one goal: a higher target is no longer met, and the other goals stay', async () => {
    const [share] = await goalsOf(counsellor);
    const res = await counsellor.put(`/api/reports/goals/${share.id}`, { ...shareGoal, target: 0.5, title: 'Halvdelen selvforsørgende' });
    expect(res.statusCode).toBe(200);
    const goals = await goalsOf(steering);
    expect(goals).toHaveLength(3);
    expect(goals[0]).toMatchObject({ id: share.id, title: 'Halvdelen selvforsørgende', target: 0.5 });
    const b = (await counsellor.get(`/api/reports?${PERIOD}`)).json() as ReportBundleView;
    expect(b.goals[0]).toMatchObject({ numerator: 10, denominator: 32, met: false });
  });

  it('refuses invalid goals field by field, in Danish, and stores nothing', async () => {
    const before = await goalsOf(counsellor);
    const bad = await counsellor.post('/api/reports/goals', { ...shareGoal, target: 25, title: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^Målet kan ikke gemmes/);
    expect(bad.json().error.fields).toEqual(expect.arrayContaining([
      { field: 'target', message: 'Målet for en andel skal være mellem 0 og 1 (0–100 %).' },
      { field: 'title', message: 'Skriv en titel på højst 200 tegn.' },
    ]));
    const dates = await counsellor.post('/api/reports/goals', { ...countGoal, from: '2025-12-31', to: '2025-01-01' });
    expect(dates.json().error.fields).toEqual([{ field: 'to', message: 'Slutdatoen skal ligge efter startdatoen.' }]);
    const pred = await counsellor.post('/api/reports/goals', { ...shareGoal, population: { field: 'shoeSize', op: 'in', values: [42] } });
    expect(pred.json().error.fields).toEqual([{ field: 'population', message: 'Målgruppen er ikke en gyldig definition.' }]);
    expect((await counsellor.post('/api/reports/goals', { title: 'x' })).json().error.fields[0].field).toBe('kind');
    const [first] = before;
    const rename = await counsellor.put(`/api/reports/goals/${first.id}`, { ...shareGoal, id: 'noget-andet' });
    expect(rename.statusCode).toBe(400);
    expect(await goalsOf(counsellor)).toEqual(before);
  });

  it('deletes a goal; a goal that does not exist is a 404', async () => {
    const goals = await goalsOf(counsellor);
    const del = await counsellor.delete(`/api/reports/goals/${goals[2].id}`);
    expect(del.statusCode).toBe(204);
    expect((await goalsOf(counsellor)).map((g) => g.id)).toEqual([goals[0].id, goals[1].id]);
    expect((await counsellor.delete(`/api/reports/goals/${goals[2].id}`)).statusCode).toBe(404);
    expect((await counsellor.put('/api/reports/goals/findes-ikke', shareGoal)).statusCode).toBe(404);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'criterion']).where('subject_kind', '=', 'report_goal').where('action', '=', 'delete').execute();
    expect(audit).toEqual([{ action: 'delete', criterion: goals[2].id }]);
  });

  it('refuses the steering group and other roles, and keeps partnerships apart', async () => {
    const [goal] = await goalsOf(counsellor);
    expect((await steering.post('/api/reports/goals', shareGoal)).statusCode).toBe(403);
    expect((await steering.put(`/api/reports/goals/${goal.id}`, shareGoal)).statusCode).toBe(403);
    expect((await steering.delete(`/api/reports/goals/${goal.id}`)).statusCode).toBe(403);
    const company = await t.login((await makeUser(t.db, pid, 'company_contact')).email);
    expect((await company.get('/api/reports/goals')).statusCode).toBe(403);
    expect((await company.post('/api/reports/goals', shareGoal)).statusCode).toBe(403);
    expect((await t.anonymous().delete(`/api/reports/goals/${goal.id}`)).statusCode).toBe(401);

    // A counsellor of another partnership cannot see, change or delete this partnership's goals.
    const other = await makePartnership(t.db, 'Aulum Milen');
    const stranger = await t.login((await makeUser(t.db, other.id, 'counsellor')).email);
    expect(await goalsOf(stranger)).toEqual([]);
    expect((await stranger.put(`/api/reports/goals/${goal.id}`, { ...shareGoal, target: 0.01 })).statusCode).toBe(404);
    expect((await stranger.delete(`/api/reports/goals/${goal.id}`)).statusCode).toBe(404);
    expect((await goalsOf(counsellor))[0]).toEqual(goal);
    // Its own new goal lands in its own list only.
    expect((await stranger.post('/api/reports/goals', countGoal)).statusCode).toBe(201);
    expect(await goalsOf(counsellor)).toHaveLength(2);
  });
});
