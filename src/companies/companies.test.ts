import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { cvrProblem } from './cvr.ts';
import { makeCompany, makeOpening, makePlacement } from './testkit.ts';
import { loadOpenings } from '../matching/load.ts';

let t: TestApp;
let pid: string;
let counsellor: TestClient;
let otherCounsellor: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db)).id;
  counsellor = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
  const other = (await makePartnership(t.db)).id;
  otherCounsellor = await t.login((await makeUser(t.db, other, 'counsellor')).email);
});
afterAll(() => t.close());

describe('CVR validation', () => {
  it('accepts numbers that pass the modulus-11 check, also with spaces', () => {
    expect(cvrProblem('10110866')).toBeNull();
    expect(cvrProblem('10 11 08 66')).toBeNull();
  });
  it('refuses wrong length and a wrong check digit with a Danish message', () => {
    expect(cvrProblem('1234567')).toMatch(/8 cifre/);
    expect(cvrProblem('12345678')).toMatch(/kontrolcifferet passer ikke/);
    expect(cvrProblem('ab345678')).toMatch(/8 cifre/);
  });
  it('refuses a company with an invalid CVR over HTTP, naming the field', async () => {
    const res = await counsellor.post('/api/companies', { name: 'Fejl ApS', cvr: '12345678', membership: 'network_member', kind: 'training' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/CVR-nummeret er ikke gyldigt/);
    expect(res.json().error.fields[0].field).toBe('cvr');
  });
  it('refuses the same CVR twice in a network', async () => {
    const body = { name: 'Dobbelt ApS', cvr: '10388031', membership: 'occasional', kind: 'hiring' };
    expect((await counsellor.post('/api/companies', body)).statusCode).toBe(201);
    const again = await counsellor.post('/api/companies', { ...body, name: 'Dobbelt 2 ApS' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/allerede en virksomhed/);
  });
});

describe('companies, contacts and openings', () => {
  it('registers a company with contacts and an opening, and shows them', async () => {
    const created = await counsellor.post('/api/companies', {
      name: 'Bøgh Maskinfabrik', cvr: '10506816', address: 'Industrivej 3', postalCode: '7490', city: 'Aulum', industry: 'Metal',
      size: '10-49', membership: 'fixed_partner', kind: 'both', experienceTags: ['anxiety', 'autism'], notes: 'Tager gerne de første skridt',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const contact = await counsellor.post(`/api/companies/${id}/contacts`, { name: 'Lone Bøgh', title: 'Værkfører', phone: '20304050', email: 'lone@boegh.invalid' });
    expect(contact.statusCode).toBe(201);
    const opening = await counsellor.post(`/api/companies/${id}/openings`, {
      title: 'Værksted', tasks: 'Slibe og pakke emner', placementKinds: ['trial', 'work_placement'], startDaysPerWeek: 1, startHoursPerDay: 4,
      maxHoursPerWeek: 37, growth: 'Start 1 dag om ugen, op til 37 timer', capacity: 2, requirements: ['early_mornings'],
      mentorContactId: contact.json().id, mentorAfterHours: true, postalCode: '7490',
    });
    expect(opening.statusCode).toBe(201);
    expect(opening.json()).toMatchObject({ freePlaces: 2, mentor: { name: 'Lone Bøgh' }, mentorAfterHours: true });
    const detail = (await counsellor.get(`/api/companies/${id}`)).json();
    expect(detail).toMatchObject({ name: 'Bøgh Maskinfabrik', cvr: '10506816', experienceTags: ['anxiety', 'autism'], active: false });
    expect(detail.contacts).toHaveLength(1);
    expect(detail.openings).toHaveLength(1);
  });

  it('keeps a cleared number as empty: maxHoursPerWeek null is stored as null, not 0', async () => {
    const a = await makeCompany(t.db, pid);
    const res = await counsellor.post(`/api/companies/${a.id}/openings`, { title: 'Butik', placementKinds: ['trial'], maxHoursPerWeek: null });
    expect(res.statusCode).toBe(201);
    expect(res.json().maxHoursPerWeek).toBeNull();
    const cleared = await counsellor.post(`/api/companies/${a.id}/openings`, { title: 'Lager', placementKinds: ['trial'], maxHoursPerWeek: 30 });
    expect(cleared.json().maxHoursPerWeek).toBe(30);
  });

  it('refuses hours too small to store (a tenth of an hour is the least) with a 400, not a server error', async () => {
    const a = await makeCompany(t.db, pid);
    for (const startHoursPerDay of [1e-323, 0.01, 0]) {
      const res = await counsellor.post(`/api/companies/${a.id}/openings`, { title: 'X', placementKinds: ['trial'], startHoursPerDay });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.map((f: { field: string }) => f.field)).toContain('startHoursPerDay');
    }
    expect((await counsellor.post(`/api/companies/${a.id}/openings`, { title: 'X', placementKinds: ['trial'], startHoursPerDay: 0.5 })).statusCode).toBe(201);
  });

  it('refuses an opening whose mentor is another company\'s contact', async () => {
    const a = await makeCompany(t.db, pid);
    const b = await makeCompany(t.db, pid);
    const c = (await counsellor.post(`/api/companies/${b.id}/contacts`, { name: 'Fremmed' })).json();
    const res = await counsellor.post(`/api/companies/${a.id}/openings`, { title: 'X', placementKinds: ['trial'], mentorContactId: c.id });
    expect(res.statusCode).toBe(400);
  });

  it('without a mail server hands the invitation to the counsellor as a one-time link instead of refusing it', async () => {
    const c = await makeCompany(t.db, pid);
    const contact = (await counsellor.post(`/api/companies/${c.id}/contacts`, { name: 'Kim Login' })).json();
    const res = await counsellor.post(`/api/companies/${c.id}/contacts/${contact.id}/login`, { email: 'kim.login@firma.invalid' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ channel: 'link' });
    expect(res.json().link).toMatch(/^https?:\/\//);
  });
  // With a mail server: contact-invite.test.ts; every channel: src/access/invitations.test.ts.

  it('does not show another network\'s company (404) nor let a company contact use the counsellor pages (403)', async () => {
    const c = await makeCompany(t.db, pid);
    expect((await otherCounsellor.get(`/api/companies/${c.id}`)).statusCode).toBe(404);
    expect((await otherCounsellor.patch(`/api/companies/${c.id}`, { name: 'Overtaget' })).statusCode).toBe(404);
    const contactUser = await makeUser(t.db, pid, 'company_contact');
    const contact = await t.login(contactUser.email);
    expect((await contact.get('/api/companies')).statusCode).toBe(403);
  });

  it('refuses lowering capacity below the places taken', async () => {
    const c = await makeCompany(t.db, pid);
    const o = await makeOpening(t.db, pid, c.id, 2);
    for (let i = 0; i < 2; i++) {
      const yp = await makeYoungPerson(t.db, pid);
      await makePlacement(t.db, { partnershipId: pid, youngPersonId: yp.id, companyId: c.id, openingId: o.id, startDate: '2026-01-05' });
    }
    const res = await counsellor.patch(`/api/openings/${o.id}`, { capacity: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/2 unge har allerede en plads/);
    expect((await counsellor.patch(`/api/openings/${o.id}`, { capacity: 3 })).json().freePlaces).toBe(1);
  });
});

describe('the counsellor edits a company, its contacts and its openings', () => {
  it('edits size, experience tags and notes, clears the address, and refuses an unknown tag on the field', async () => {
    const c = (await counsellor.post('/api/companies', { name: 'Ret ApS', address: 'Vej 1', membership: 'occasional', kind: 'training' })).json();
    const res = await counsellor.patch(`/api/companies/${c.id}`, { size: '1-9', experienceTags: ['adhd', 'no_danish'], notes: 'Ring før kl. 9', address: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Ret ApS', size: '1-9', experienceTags: ['adhd', 'no_danish'], notes: 'Ring før kl. 9', address: null });
    const bad = await counsellor.patch(`/api/companies/${c.id}`, { experienceTags: ['pyromania'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toMatch(/^experienceTags/);
    expect((await counsellor.get(`/api/companies/${c.id}`)).json().experienceTags).toEqual(['adhd', 'no_danish']);
  });

  it('edits a contact person\'s role (title) and removes the contact; refuses another company\'s contact (404)', async () => {
    const a = await makeCompany(t.db, pid);
    const b = await makeCompany(t.db, pid);
    const contact = (await counsellor.post(`/api/companies/${a.id}/contacts`, { name: 'Per Hansen', title: 'Lagerchef' })).json();
    const edited = await counsellor.patch(`/api/companies/${a.id}/contacts/${contact.id}`, { title: 'Ejer', phone: '20 30 40 50' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Per Hansen', title: 'Ejer', phone: '20 30 40 50' });
    expect((await counsellor.patch(`/api/companies/${b.id}/contacts/${contact.id}`, { title: 'X' })).statusCode).toBe(404);
    expect((await counsellor.delete(`/api/companies/${b.id}/contacts/${contact.id}`)).statusCode).toBe(404);
    expect((await counsellor.patch(`/api/companies/${a.id}/contacts/${contact.id}`, { phone: 'ring mig' })).statusCode).toBe(400);
    expect((await counsellor.delete(`/api/companies/${a.id}/contacts/${contact.id}`)).statusCode).toBe(204);
    expect((await counsellor.get(`/api/companies/${a.id}`)).json().contacts).toEqual([]);
  });

  it('keeps an opening\'s earliest start, edits and clears it, and matching uses it; refuses a date that is not a date', async () => {
    const c = await makeCompany(t.db, pid);
    const mentor = (await counsellor.post(`/api/companies/${c.id}/contacts`, { name: 'Mona Mentor', phone: '11223344' })).json();
    const created = await counsellor.post(`/api/companies/${c.id}/openings`, {
      title: 'Køkken', placementKinds: ['work_placement'], startDaysPerWeek: 1, startHoursPerDay: 3, maxHoursPerWeek: 37,
      growth: 'Start 1 dag om ugen, op til 37 timer', requirements: ['driving_licence', 'lifting'], mentorContactId: mentor.id,
      mentorAfterHours: true, location: 'Kantinen, Hovedgaden 2', postalCode: '7400', earliestStart: '2027-01-04',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ earliestStart: '2027-01-04', requirements: ['driving_licence', 'lifting'], location: 'Kantinen, Hovedgaden 2' });
    const id = created.json().id;
    expect((await loadOpenings(t.db, pid)).find((o) => o.id === id)?.startDate).toBe('2027-01-04');
    const edited = await counsellor.patch(`/api/openings/${id}`, { earliestStart: '2027-02-01', startDaysPerWeek: 2, mentorAfterHours: false });
    expect(edited.json()).toMatchObject({ earliestStart: '2027-02-01', startDaysPerWeek: 2, mentorAfterHours: false, mentor: { name: 'Mona Mentor' } });
    const bad = await counsellor.patch(`/api/openings/${id}`, { earliestStart: 'snart' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ field: 'earliestStart' });
    expect((await counsellor.patch(`/api/openings/${id}`, { earliestStart: null })).json().earliestStart).toBeNull();
    expect((await loadOpenings(t.db, pid)).find((o) => o.id === id)?.startDate).toBeNull();
    expect((await otherCounsellor.patch(`/api/openings/${id}`, { title: 'Overtaget' })).statusCode).toBe(404);
  });
});

describe('network overview', () => {
  it('counts active companies (a young person in the last 12 months) and free places, computed', async () => {
    const p2 = (await makePartnership(t.db)).id;
    const c2 = await t.login((await makeUser(t.db, p2, 'counsellor')).email);
    const active = await makeCompany(t.db, p2, 'Aktiv A/S');
    const old = await makeCompany(t.db, p2, 'Gammel ApS');
    await makeCompany(t.db, p2, 'Passiv I/S');
    const o1 = await makeOpening(t.db, p2, active.id, 3);
    const o2 = await makeOpening(t.db, p2, old.id, 1);
    const yp = await makeYoungPerson(t.db, p2);
    await makePlacement(t.db, { partnershipId: p2, youngPersonId: yp.id, companyId: active.id, openingId: o1.id, startDate: '2026-01-05' });
    const ended = await makePlacement(t.db, { partnershipId: p2, youngPersonId: yp.id, companyId: old.id, openingId: o2.id, startDate: '2023-01-02' });
    await t.db.updateTable('placements').set({ status: 'ended', end_date: '2023-06-30', end_reason: 'hired' }).where('id', '=', ended.id).execute();
    const res = await c2.get('/api/network/overview');
    expect(res.statusCode).toBe(200);
    const o = res.json();
    expect(o).toMatchObject({ companies: 3, active: 1, passive: 2, openingsWithFreePlaces: 2, freePlaces: 3 });
    expect(o.perCompany.find((c: { name: string }) => c.name === 'Gammel ApS')).toMatchObject({ active: false, hires: 1 });
    expect(o.byMembership.find((m: { membership: string }) => m.membership === 'network_member')).toMatchObject({ total: 3, active: 1 });
    const activeOnly = (await c2.get('/api/companies?active=true')).json();
    expect(activeOnly.map((c: { name: string }) => c.name)).toEqual(['Aktiv A/S']);
  });
});
