import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { grant, makeCompany, makeCompanyContact, makeOpening, makePlacement } from '../companies/testkit.ts';
import { addDays, attendanceDays, earliestAttendanceDay, mondayOf, todayInDenmark } from './dates.ts';

let t: TestApp;
let pid: string;
let company: { id: string; name: string };
let otherCompany: { id: string };
let contact: TestClient;
let otherContact: TestClient;
let counsellor: TestClient;
let counsellorId: string;
let yp: { id: string };
let placementId: string;
let otherPlacementId: string;
const today = todayInDenmark();
const monday = mondayOf(today);

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db)).id;
  const cUser = await makeUser(t.db, pid, 'counsellor', 'Mette Vejleder');
  counsellorId = cUser.id;
  counsellor = await t.login(cUser.email);
  company = await makeCompany(t.db, pid, 'Lagerhuset');
  otherCompany = await makeCompany(t.db, pid, 'Naboen');
  contact = await t.login((await makeCompanyContact(t.db, pid, company.id, 'Jens Bøgh')).email);
  otherContact = await t.login((await makeCompanyContact(t.db, pid, otherCompany.id, 'Nabo Kontakt')).email);
  const o = await makeOpening(t.db, pid, company.id, 5);
  const o2 = await makeOpening(t.db, pid, otherCompany.id, 5);
  yp = await makeYoungPerson(t.db, pid, { counsellorId, firstName: 'Sofie', lastName: 'Møller' });
  await t.db.updateTable('young_people').set({ phone: '22334455', email: 'sofie@eksempel.invalid' }).where('id', '=', yp.id).execute();
  const start = addDays(monday, -14);
  placementId = (await makePlacement(t.db, { partnershipId: pid, youngPersonId: yp.id, companyId: company.id, openingId: o.id, startDate: start })).id;
  const yp2 = await makeYoungPerson(t.db, pid, { counsellorId, firstName: 'Oliver' });
  otherPlacementId = (await makePlacement(t.db, { partnershipId: pid, youngPersonId: yp2.id, companyId: otherCompany.id, openingId: o2.id, startDate: start })).id;
});
afterAll(() => t.close());

describe('what a company contact sees', () => {
  it('sees their own company, openings and placements; never another company\'s placement', async () => {
    const home = (await contact.get('/api/employer')).json();
    expect(home.company.name).toBe('Lagerhuset');
    expect(home.openings).toHaveLength(1);
    const list = (await contact.get('/api/employer/placements')).json();
    expect(list.map((p: { id: string }) => p.id)).toEqual([placementId]);
    expect((await contact.get(`/api/employer/placements/${otherPlacementId}`)).statusCode).toBe(404);
    expect((await otherContact.get(`/api/employer/placements/${placementId}`)).statusCode).toBe(404);
  });

  it('sees only the fields the young person shares with this company, and loses them at once when revoked', async () => {
    const before = (await contact.get(`/api/employer/placements/${placementId}`)).json();
    expect(before.youngPerson.firstName).toBe('Sofie');
    expect(before.youngPerson).not.toHaveProperty('phone');
    expect(before.youngPerson).not.toHaveProperty('lastName');
    await grant(t.db, pid, yp.id, company.id, 'contact.phone');
    // Consent to another company does not open it to this one.
    await grant(t.db, pid, yp.id, otherCompany.id, 'contact.email');
    const shared = (await contact.get(`/api/employer/placements/${placementId}`)).json();
    expect(shared.youngPerson.phone).toBe('22334455');
    expect(shared.youngPerson).not.toHaveProperty('email');
    await grant(t.db, pid, yp.id, company.id, 'contact.phone', false);
    const revoked = (await contact.get(`/api/employer/placements/${placementId}`)).json();
    expect(revoked.youngPerson).not.toHaveProperty('phone');
  });

  it('names the young person\'s counsellor with a phone number to call (#21)', async () => {
    await t.db.updateTable('users').set({ phone: '+45 40 50 60 70' }).where('id', '=', counsellorId).execute();
    const p = (await contact.get(`/api/employer/placements/${placementId}`)).json();
    expect(p.counsellor).toEqual({ name: 'Mette Vejleder', phone: '+45 40 50 60 70' });
  });

  it('audits every read of a young person by the company', async () => {
    const count = async () => (await t.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('subject_id', '=', yp.id).where('role', '=', 'company_contact').where('action', '=', 'read').executeTakeFirstOrThrow()).n;
    const n0 = Number(await count());
    await contact.get('/api/employer/placements');
    await contact.get(`/api/employer/placements/${placementId}`);
    expect(Number(await count())).toBe(n0 + 2);
  });

  it('refuses the employer pages to a counsellor (403) and to a contact without a company (403)', async () => {
    expect((await counsellor.get('/api/employer')).statusCode).toBe(403);
    const loose = await t.login((await makeUser(t.db, pid, 'company_contact')).email);
    expect((await loose.get('/api/employer')).statusCode).toBe(403);
  });
});

describe('attendance', () => {
  it('registers today for several young people at once, and a correction the same week', async () => {
    const yp3 = await makeYoungPerson(t.db, pid, { firstName: 'Ida' });
    const o = await t.db.selectFrom('openings').select('id').where('company_id', '=', company.id).executeTakeFirstOrThrow();
    const p3 = await makePlacement(t.db, { partnershipId: pid, youngPersonId: yp3.id, companyId: company.id, openingId: o.id, startDate: addDays(monday, -14) });
    const res = await contact.post('/api/employer/attendance', { day: today, entries: [{ placementId, status: 'present' }, { placementId: p3.id, status: 'late' }] });
    expect(res.statusCode).toBe(200);
    const fix = await contact.post('/api/employer/attendance', { day: today, entries: [{ placementId: p3.id, status: 'sick' }] });
    expect(fix.statusCode).toBe(200);
    const row = await t.db.selectFrom('attendance').select('status').where('placement_id', '=', p3.id).where('day', '=', today).executeTakeFirstOrThrow();
    expect(row.status).toBe('sick');
  });

  it('refuses a correction after the ISO week has passed, with a clear message', async () => {
    const lastWeek = addDays(monday, -3);
    await t.db.insertInto('attendance').values({ placement_id: placementId, day: lastWeek, status: 'absent' }).execute();
    const res = await contact.post('/api/employer/attendance', { day: lastWeek, entries: [{ placementId, status: 'present' }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/kan ikke længere rettes/);
    // Registering the same status again is no change and is accepted.
    expect((await contact.post('/api/employer/attendance', { day: lastWeek, entries: [{ placementId, status: 'absent' }] })).statusCode).toBe(200);
  });

  it('refuses future days, days long ago, and another company\'s placement (nothing is written)', async () => {
    expect((await contact.post('/api/employer/attendance', { day: addDays(today, 1), entries: [{ placementId, status: 'present' }] })).statusCode).toBe(400);
    expect((await contact.post('/api/employer/attendance', { day: addDays(monday, -8), entries: [{ placementId, status: 'present' }] })).statusCode).toBe(409);
    const mixed = await contact.post('/api/employer/attendance', { day: today, entries: [{ placementId, status: 'absent' }, { placementId: otherPlacementId, status: 'present' }] });
    expect(mixed.statusCode).toBe(404);
    const row = await t.db.selectFrom('attendance').select('status').where('placement_id', '=', placementId).where('day', '=', today).executeTakeFirstOrThrow();
    expect(row.status).toBe('present');
    expect(await t.db.selectFrom('attendance').select('day').where('placement_id', '=', otherPlacementId).execute()).toHaveLength(0);
  });
});

describe('"Ring til mig" and concerns', () => {
  it('lands as a task on the young person\'s counsellor\'s list, linked to the placement', async () => {
    const res = await contact.post(`/api/employer/placements/${placementId}/concern`, { message: 'Hun virker træt og er kommet for sent tre gange.', callMe: true });
    expect(res.statusCode).toBe(201);
    const tasks = (await counsellor.get('/api/tasks')).json();
    const task = tasks.find((x: { id: string }) => x.id === res.json().id);
    expect(task).toMatchObject({ kind: 'call_me', placementId, youngPersonId: yp.id, assigneeId: counsellorId, body: 'Hun virker træt og er kommet for sent tre gange.' });
    expect(task.title).toMatch(/Ring til Jens Bøgh \(Lagerhuset\) på 12345678/);
    expect((await counsellor.post(`/api/tasks/${task.id}/done`)).statusCode).toBe(204);
    expect((await counsellor.get('/api/tasks')).json().some((x: { id: string }) => x.id === task.id)).toBe(false);
    expect((await counsellor.post(`/api/tasks/${task.id}/done`)).statusCode).toBe(404);
  });

  it('refuses a concern about another company\'s placement', async () => {
    expect((await contact.post(`/api/employer/placements/${otherPlacementId}/concern`, { message: 'x', callMe: false })).statusCode).toBe(404);
  });
});

describe('the company edits its own openings and contact persons', () => {
  it('adds and edits an opening and a contact; cannot touch another company\'s opening', async () => {
    const created = await contact.post('/api/employer/openings', { title: 'Fylde varer op', placementKinds: ['leisure_job'], capacity: 3 });
    expect(created.statusCode).toBe(201);
    const patched = await contact.patch(`/api/employer/openings/${created.json().id}`, { capacity: 4, growth: 'op til 15 timer' });
    expect(patched.json()).toMatchObject({ capacity: 4, growth: 'op til 15 timer' });
    const foreign = await t.db.selectFrom('openings').select('id').where('company_id', '=', otherCompany.id).executeTakeFirstOrThrow();
    expect((await contact.patch(`/api/employer/openings/${foreign.id}`, { capacity: 9 })).statusCode).toBe(404);
    const c = await contact.post('/api/employer/contacts', { name: 'Ny Kollega', phone: '11223344' });
    expect(c.statusCode).toBe(201);
    expect((await contact.patch(`/api/employer/contacts/${c.json().id}`, { title: 'Mentor' })).json().title).toBe('Mentor');
    expect((await contact.delete(`/api/employer/contacts/${c.json().id}`)).statusCode).toBe(204);
    const home = (await contact.get('/api/employer')).json();
    const me = home.contacts.find((x: { hasLogin: boolean }) => x.hasLogin);
    expect((await contact.delete(`/api/employer/contacts/${me.id}`)).statusCode).toBe(409);
  });
});

describe('the company contact\'s phone forms: openings in full, contact persons, and refusals', () => {
  it('creates an opening with all its fields and edits them; the counsellor sees the same opening', async () => {
    const body = {
      title: 'Klargøring af biler', tasks: 'Vaske biler og rydde værkstedet', placementKinds: ['trial', 'work_placement'],
      startDaysPerWeek: 2, startHoursPerDay: 4, requirements: ['early_mornings', 'standing'], mentorAfterHours: true, capacity: 2,
    };
    const created = await contact.post('/api/employer/openings', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...body, companyId: company.id, freePlaces: 2, open: true });
    const id = created.json().id;
    const changed = await contact.patch(`/api/employer/openings/${id}`, {
      tasks: 'Vaske biler', placementKinds: ['work_placement', 'paid_hours'], startDaysPerWeek: 3, startHoursPerDay: 5, requirements: [], mentorAfterHours: false,
    });
    expect(changed.json()).toMatchObject({ tasks: 'Vaske biler', placementKinds: ['work_placement', 'paid_hours'], startDaysPerWeek: 3, startHoursPerDay: 5, requirements: [], mentorAfterHours: false });
    const seen = (await counsellor.get(`/api/companies/${company.id}`)).json().openings.find((o: { id: string }) => o.id === id);
    expect(seen).toMatchObject({ startDaysPerWeek: 3, mentorAfterHours: false });
  });

  it('refuses a bad opening (400) and a mentor from another company (400); nothing is saved', async () => {
    const before = (await contact.get('/api/employer')).json().openings.length;
    expect((await contact.post('/api/employer/openings', { title: '', placementKinds: [] })).statusCode).toBe(400);
    expect((await contact.post('/api/employer/openings', { title: 'x', placementKinds: ['trial'], startDaysPerWeek: 9 })).statusCode).toBe(400);
    const foreignContact = await t.db.selectFrom('company_contacts').select('id').where('company_id', '=', otherCompany.id).executeTakeFirstOrThrow();
    const res = await contact.post('/api/employer/openings', { title: 'Mentor udefra', placementKinds: ['trial'], mentorContactId: foreignContact.id });
    expect(res.statusCode).toBe(400);
    expect((await contact.get('/api/employer')).json().openings.length).toBe(before);
  });

  it('a contact cannot edit or remove another company\'s contact person (404), and the row is untouched', async () => {
    const foreign = await t.db.selectFrom('company_contacts').select(['id', 'name']).where('company_id', '=', otherCompany.id).executeTakeFirstOrThrow();
    expect((await contact.patch(`/api/employer/contacts/${foreign.id}`, { name: 'Kapret' })).statusCode).toBe(404);
    expect((await contact.delete(`/api/employer/contacts/${foreign.id}`)).statusCode).toBe(404);
    const after = await t.db.selectFrom('company_contacts').select('name').where('id', '=', foreign.id).executeTakeFirstOrThrow();
    expect(after.name).toBe(foreign.name);
    // A counsellor has no employer routes at all.
    expect((await counsellor.patch(`/api/employer/contacts/${foreign.id}`, { name: 'x' })).statusCode).toBe(403);
    // The page knows which contact person is the logged-in one (no "Fjern" there).
    const mine = await t.db.selectFrom('company_contacts').select('id').where('company_id', '=', company.id).where('user_id', 'is not', null).executeTakeFirstOrThrow();
    expect((await contact.get('/api/employer')).json().myContactId).toBe(mine.id);
  });

  it('offers in the day picker exactly the days the server accepts: Monday last week up to today', async () => {
    for (const d of ['2026-11-30', '2026-12-02', '2026-12-06']) {
      const days = attendanceDays(d);
      expect(days[0]).toBe(d);
      expect(days.at(-1)).toBe(earliestAttendanceDay(d));
      expect(days.at(-1)).toBe(addDays(mondayOf(d), -7));
    }
    expect(attendanceDays('2026-11-30')).toHaveLength(8); // a Monday: today and last week
    expect(attendanceDays('2026-12-06')).toHaveLength(14); // a Sunday: this week and last
    const first = attendanceDays(today).at(-1)!;
    expect((await contact.post('/api/employer/attendance', { day: addDays(first, -1), entries: [{ placementId, status: 'present' }] })).statusCode).toBe(409);
  });
});
