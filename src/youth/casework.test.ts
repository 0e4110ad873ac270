import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';

let t: TestApp;
let p1: string;
let counsellor: TestClient;
let counsellorId: string;
let other: TestClient;
let young: TestClient;

const yearsAgo = (years: number) => {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() - 10);
  return d.toISOString().slice(0, 10);
};
const screening = (over: Record<string, unknown> = {}) => ({
  baseVersion: 0, barriers: ['self_esteem', 'diagnosis'], barrierNote: 'Har svært ved at møde op', healthNote: 'Angst',
  strengths: ['Grundig'], interests: ['Dyr', 'Lager'], wishes: 'Lager eller dyrepasser', daysPerWeek: 2, hoursPerDay: 4,
  earliestStart: '2030-01-05', transport: ['bike', 'bus'], maxTravelMinutes: 30, readiness: 'activity_ready', ...over,
});

async function person(age = 20) {
  return makeYoungPerson(t.db, p1, { counsellorId, birthDate: yearsAgo(age) });
}

beforeAll(async () => {
  t = await createTestApp();
  p1 = (await makePartnership(t.db)).id;
  const c = await makeUser(t.db, p1, 'counsellor', 'Mette Kjær');
  counsellorId = c.id;
  counsellor = await t.login(c.email);
  other = await t.login((await makeUser(t.db, (await makePartnership(t.db)).id, 'counsellor')).email);
  const yu = await makeUser(t.db, p1, 'young_person');
  await makeYoungPerson(t.db, p1, { userId: yu.id, counsellorId });
  young = await t.login(yu.email);
});
afterAll(() => t.close());

describe('screening (afklaring)', () => {
  it('keeps every save as a new version and shows the history, newest first', async () => {
    const yp = await person();
    const first = await counsellor.post(`/api/youth/${yp.id}/screenings`, screening());
    expect(first.statusCode).toBe(201);
    expect(first.json().version).toBe(1);
    const second = await counsellor.post(`/api/youth/${yp.id}/screenings`, screening({ baseVersion: 1, barriers: ['self_esteem'], readiness: 'ready' }));
    expect(second.json().version).toBe(2);
    const history = (await counsellor.get(`/api/youth/${yp.id}/screenings`)).json();
    expect(history.map((h: { version: number; readiness: string }) => [h.version, h.readiness])).toEqual([[2, 'ready'], [1, 'activity_ready']]);
    expect(history[1].createdByName).toBe('Mette Kjær');
    const detail = (await counsellor.get(`/api/youth/${yp.id}`)).json();
    expect(detail.screening).toMatchObject({ version: 2, barriers: ['self_esteem'] });
    expect(detail.stage).toBe('screening');
  });

  it('an empty screening does not move a new referral on; one that says something does (#21)', async () => {
    const yp = await person();
    const empty = { baseVersion: 0, barriers: [], strengths: [], interests: [], transport: [], readiness: null, barrierNote: '', wishes: null };
    expect((await counsellor.post(`/api/youth/${yp.id}/screenings`, empty)).statusCode).toBe(201);
    expect((await counsellor.get(`/api/youth/${yp.id}`)).json().stage).toBe('referred');
    expect((await counsellor.post(`/api/youth/${yp.id}/screenings`, { ...empty, baseVersion: 1, interests: ['Dyr'] })).statusCode).toBe(201);
    expect((await counsellor.get(`/api/youth/${yp.id}`)).json().stage).toBe('screening');
  });

  it('answers 409 when someone else saved a screening first', async () => {
    const yp = await person();
    await counsellor.post(`/api/youth/${yp.id}/screenings`, screening());
    const stale = await counsellor.post(`/api/youth/${yp.id}/screenings`, screening({ baseVersion: 0 }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.fields).toEqual([{ field: 'version', message: '1' }]);
  });

  it('checks the readiness category against the age', async () => {
    const adult = await person(20);
    const res = await counsellor.post(`/api/youth/${adult.id}/screenings`, screening({ readiness: 'not_ready' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ field: 'readiness', message: expect.stringMatching(/15–17 år/) });
    const minor = await person(16);
    expect((await counsellor.post(`/api/youth/${minor.id}/screenings`, screening({ readiness: 'activity_ready' }))).statusCode).toBe(400);
    expect((await counsellor.post(`/api/youth/${minor.id}/screenings`, screening({ readiness: 'not_ready' }))).statusCode).toBe(201);
  });

  it('refuses barriers that are not on the list and unknown fields', async () => {
    const yp = await person();
    expect((await counsellor.post(`/api/youth/${yp.id}/screenings`, screening({ barriers: ['laziness'] }))).statusCode).toBe(400);
    expect((await counsellor.post(`/api/youth/${yp.id}/screenings`, screening({ cpr: 'x' }))).statusCode).toBe(400);
  });

  it('refuses another partnership and the young person (404 / 403)', async () => {
    const yp = await person();
    expect((await other.post(`/api/youth/${yp.id}/screenings`, screening())).statusCode).toBe(404);
    expect((await other.get(`/api/youth/${yp.id}/screenings`)).statusCode).toBe(404);
    expect((await young.get(`/api/youth/${yp.id}/screenings`)).statusCode).toBe(403);
  });
});

const plan = (over: Record<string, unknown> = {}) => ({
  baseVersion: 0, contactPersonId: counsellorId, summary: 'Du vil gerne arbejde med dyr.',
  goals: [{ title: 'Komme i praktik', dueDate: '2030-03-01', status: 'in_progress', subGoals: [{ title: 'Besøge en dyreklinik', dueDate: '2030-02-01', status: 'not_started' }] }],
  agreements: [{ who: 'Mette', what: 'Ringer til dyreklinikken', byWhen: '2030-01-20', meetingDate: '2030-01-10' }],
  ...over,
});

describe('plan', () => {
  it('saves versions with the named contact person and gives 409 on a stale save', async () => {
    const yp = await person();
    const first = await counsellor.put(`/api/youth/${yp.id}/plan`, plan());
    expect(first.statusCode).toBe(200);
    expect(first.json().plan).toMatchObject({ version: 1, contactPerson: { name: 'Mette Kjær' }, goals: [{ title: 'Komme i praktik' }] });
    const second = await counsellor.put(`/api/youth/${yp.id}/plan`, plan({ baseVersion: 1, summary: 'Ny' }));
    expect(second.json().history.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect((await counsellor.put(`/api/youth/${yp.id}/plan`, plan({ baseVersion: 1 }))).statusCode).toBe(409);
  });

  it('refuses a contact person who is not a counsellor of the partnership', async () => {
    const yp = await person();
    const outsider = await makeUser(t.db, (await makePartnership(t.db)).id, 'counsellor');
    const res = await counsellor.put(`/api/youth/${yp.id}/plan`, plan({ contactPersonId: outsider.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('contactPersonId');
  });
});

describe('pathway', () => {
  it('moves through valid stages, refuses invalid ones, ends with an outcome and reopens explicitly', async () => {
    const yp = await person();
    const step = (body: Record<string, unknown>) => counsellor.post(`/api/youth/${yp.id}/pathway`, body);
    expect((await step({ action: 'stage', version: 1, toStage: 'in_placement' })).statusCode).toBe(400);
    const s1 = await step({ action: 'stage', version: 1, toStage: 'clarification' });
    expect(s1.json()).toMatchObject({ stage: 'clarification', version: 2 });
    expect((await step({ action: 'stage', version: 1, toStage: 'in_placement' })).statusCode).toBe(409);
    expect((await step({ action: 'reopen', version: 2, toStage: 'screening', note: 'x' })).statusCode).toBe(400);
    const noEdu = await step({ action: 'end', version: 2, outcome: 'education', outcomeDate: '2030-06-01' });
    expect(noEdu.statusCode).toBe(400);
    const end = await step({ action: 'end', version: 2, outcome: 'education', outcomeEducation: 'EUD', outcomeDate: '2030-06-01' });
    expect(end.json()).toMatchObject({ stage: 'ended', outcome: 'education', outcomeEducation: 'EUD', outcomeDate: '2030-06-01' });
    expect((await step({ action: 'stage', version: 3, toStage: 'clarification' })).statusCode).toBe(400);
    const reopen = await step({ action: 'reopen', version: 3, toStage: 'clarification', note: 'Droppede ud af EUD' });
    expect(reopen.json()).toMatchObject({ stage: 'clarification', outcome: null });
    const history = (await counsellor.get(`/api/youth/${yp.id}/pathway`)).json();
    expect(history.map((h: { kind: string }) => h.kind)).toEqual(['reopen', 'end', 'stage']);
    expect(history[0]).toMatchObject({ fromStage: 'ended', toStage: 'clarification', note: 'Droppede ud af EUD', changedByName: 'Mette Kjær' });
  });

  it('the database refuses an outcome without an end', async () => {
    const yp = await person();
    await expect(t.db.updateTable('young_people').set({ outcome: 'moved' }).where('id', '=', yp.id).execute()).rejects.toThrow();
  });
});

describe('journal', () => {
  it('never edits in place: a correction is a new version and the old one stays visible', async () => {
    const yp = await person();
    const created = await counsellor.post(`/api/youth/${yp.id}/journal`, { kind: 'meeting', occurredOn: '2030-01-10', sensitivity: 'ordinary', body: 'Møde om praktik' });
    expect(created.statusCode).toBe(201);
    const { entryId } = created.json();
    const corrected = await counsellor.post(`/api/youth/${yp.id}/journal/${entryId}/versions`, { baseVersion: 1, kind: 'meeting', occurredOn: '2030-01-10', sensitivity: 'special', body: 'Møde om praktik. Fortalte om angst.' });
    expect(corrected.statusCode).toBe(201);
    const stale = await counsellor.post(`/api/youth/${yp.id}/journal/${entryId}/versions`, { baseVersion: 1, kind: 'note', occurredOn: '2030-01-10', sensitivity: 'ordinary', body: 'x' });
    expect(stale.statusCode).toBe(409);
    const list = (await counsellor.get(`/api/youth/${yp.id}/journal`)).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ version: 2, sensitivity: 'special', body: 'Møde om praktik. Fortalte om angst.' });
    expect(list[0].earlier).toMatchObject([{ version: 1, body: 'Møde om praktik' }]);
  });

  it('the database refuses an UPDATE of a journal row', async () => {
    const yp = await person();
    await counsellor.post(`/api/youth/${yp.id}/journal`, { kind: 'note', occurredOn: '2030-01-10', sensitivity: 'ordinary', body: 'Original' });
    await expect(sql`UPDATE journal_entries SET body = 'Ændret' WHERE young_person_id = ${yp.id}`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('refuses another partnership, and unknown entry ids', async () => {
    const yp = await person();
    expect((await other.post(`/api/youth/${yp.id}/journal`, { kind: 'note', occurredOn: '2030-01-10', sensitivity: 'ordinary', body: 'x' })).statusCode).toBe(404);
    expect((await counsellor.post(`/api/youth/${yp.id}/journal/00000000-0000-4000-8000-000000000000/versions`, { baseVersion: 1, kind: 'note', occurredOn: '2030-01-10', sensitivity: 'ordinary', body: 'x' })).statusCode).toBe(404);
  });
});

describe('admin and print', () => {
  it('the admin sees ordinary fields only: no health note, no special barriers', async () => {
    const yp = await person();
    await counsellor.post(`/api/youth/${yp.id}/screenings`, screening({ barriers: ['self_esteem', 'diagnosis', 'crime'] }));
    const admin = await t.login((await makeUser(t.db, p1, 'admin')).email);
    const view = (await admin.get(`/api/youth/${yp.id}`)).json();
    expect(view.screening.barriers).toEqual(['self_esteem']);
    expect(view.screening).not.toHaveProperty('healthNote');
    expect(view.screening).not.toHaveProperty('barrierNote');
    expect((await admin.get(`/api/youth/${yp.id}/journal`)).statusCode).toBe(403);
    const audit = await t.db.selectFrom('audit_log').select(['role', 'purpose']).where('subject_id', '=', yp.id).where('role', '=', 'admin').execute();
    expect(audit).toEqual([{ role: 'admin', purpose: 'administration' }]);
  });

  it('prints the plan in plain Danish for the counsellor, and lists the counsellors to choose from', async () => {
    const yp = await person();
    await counsellor.put(`/api/youth/${yp.id}/plan`, plan());
    const page = await counsellor.get(`/api/youth/${yp.id}/plan/print`);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('<h2>Dine mål</h2>');
    expect(page.body).toContain('Besøge en dyreklinik');
    expect(page.body).toContain('Ringer til dyreklinikken');
    expect((await other.get(`/api/youth/${yp.id}/plan/print`)).statusCode).toBe(404);
    const list = (await counsellor.get('/api/youth/counsellors')).json();
    expect(list).toContainEqual({ id: counsellorId, name: 'Mette Kjær' });
  });
});
