import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { makeCompany, makeCompanyContact, makeOpening, makePlacement } from '../companies/testkit.ts';

let t: TestApp;
let p1: string;
let counsellor: TestClient;
let young: TestClient;
let youngUserId: string;
let ypId: string;
let otherYpId: string;
let counsellorId: string;

beforeAll(async () => {
  t = await createTestApp();
  p1 = (await makePartnership(t.db, 'Aulum Milen')).id;
  const c = await makeUser(t.db, p1, 'counsellor', 'Mette Kjær');
  counsellorId = c.id;
  await t.db.updateTable('users').set({ phone: '+45 20 30 40 50' }).where('id', '=', c.id).execute();
  counsellor = await t.login(c.email);
  const yu = await makeUser(t.db, p1, 'young_person');
  youngUserId = yu.id;
  ypId = (await makeYoungPerson(t.db, p1, { userId: yu.id, counsellorId: c.id, firstName: 'Sofie', lastName: 'Møller' })).id;
  otherYpId = (await makeYoungPerson(t.db, p1, { counsellorId: c.id, firstName: 'Anden' })).id;
  young = await t.login(yu.email);
});
afterAll(() => t.close());

describe('the young person reads their own data', () => {
  it('sees their own record, but another young person is 404', async () => {
    expect((await young.get(`/api/youth/${ypId}`)).json()).toMatchObject({ firstName: 'Sofie', lastName: 'Møller' });
    expect((await young.get(`/api/youth/${otherYpId}`)).statusCode).toBe(404);
    expect((await young.get('/api/youth')).statusCode).toBe(403);
    expect((await young.patch(`/api/youth/${ypId}`, { version: 1, phone: '11111111' })).statusCode).toBe(403);
  });

  it('the start page shows the contact person to call, the next appointment and the plan', async () => {
    const at = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await counsellor.patch(`/api/youth/${ypId}`, { version: 1, nextAppointmentAt: at, nextAppointmentPlace: 'Ungdomshuset' });
    await counsellor.put(`/api/youth/${ypId}/plan`, { baseVersion: 0, contactPersonId: null, summary: 'Du vil arbejde med dyr.', goals: [], agreements: [] });
    const me = (await young.get('/api/me')).json();
    expect(me).toMatchObject({
      firstName: 'Sofie',
      contactPerson: { name: 'Mette Kjær', phone: '+45 20 30 40 50' },
      nextAppointment: { at, place: 'Ungdomshuset' },
      plan: { summary: 'Du vil arbejde med dyr.' },
    });
    const print = await young.get('/api/me/plan/print');
    expect(print.headers['content-type']).toMatch(/text\/html/);
    expect(print.body).toContain('Din plan, Sofie');
    expect(print.body).toContain('href="tel:+4520304050"');
  });

  it('a contact person named in the plan comes before the counsellor; without a plan the counsellor is shown', async () => {
    const user = await makeUser(t.db, p1, 'young_person');
    const id = (await makeYoungPerson(t.db, p1, { userId: user.id, counsellorId, firstName: 'Bertil' })).id;
    const bertil = await t.login(user.email);
    expect((await bertil.get('/api/me')).json()).toMatchObject({ firstName: 'Bertil', contactPerson: { name: 'Mette Kjær' }, plan: null });
    const named = await makeUser(t.db, p1, 'counsellor', 'Jonas Vang');
    expect((await counsellor.put(`/api/youth/${id}/plan`, { baseVersion: 0, contactPersonId: named.id, summary: 'Praktik i en butik.', goals: [], agreements: [] })).statusCode).toBe(200);
    expect((await bertil.get('/api/me')).json()).toMatchObject({ contactPerson: { name: 'Jonas Vang' }, plan: { version: 1, summary: 'Praktik i en butik.' } });
  });

  it('a counsellor has no /api/me pages', async () => {
    expect((await counsellor.get('/api/me')).statusCode).toBe(403);
  });
});

describe('Hvem må se hvad', () => {
  it('lists the network with its items in plain words, all off to begin with', async () => {
    const sharing = (await young.get('/api/me/sharing')).json();
    expect(sharing).toHaveLength(1);
    expect(sharing[0]).toMatchObject({ kind: 'network', id: p1, label: 'Netværket Aulum Milen', active: true });
    expect(sharing[0].items.map((i: { label: string }) => i.label)).toContain('hvad jeg er god til, og hvad jeg kan lide');
    expect(sharing[0].items.every((i: { granted: boolean }) => !i.granted)).toBe(true);
  });

  it('grants and revokes with one call each; the ledger keeps every change with wording version and purpose', async () => {
    const on = await young.put('/api/me/sharing', { recipientKind: 'network', recipientId: p1, item: 'screening.wishes', granted: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()[0].items.find((i: { key: string }) => i.key === 'screening.wishes').granted).toBe(true);
    const off = await young.put('/api/me/sharing', { recipientKind: 'network', recipientId: p1, item: 'screening.wishes', granted: false });
    expect(off.json()[0].items.find((i: { key: string }) => i.key === 'screening.wishes').granted).toBe(false);
    const ledger = await t.db.selectFrom('consent_events').select(['item', 'granted', 'purpose', 'wording_version', 'changed_by']).where('young_person_id', '=', ypId).orderBy('id').execute();
    expect(ledger).toEqual([
      { item: 'screening.wishes', granted: true, purpose: 'matching', wording_version: 1, changed_by: youngUserId },
      { item: 'screening.wishes', granted: false, purpose: 'matching', wording_version: 1, changed_by: youngUserId },
    ]);
  });

  it('refuses items not offered to that party, unknown items and unknown parties', async () => {
    expect((await young.put('/api/me/sharing', { recipientKind: 'network', recipientId: p1, item: 'health.note', granted: true })).statusCode).toBe(400);
    expect((await young.put('/api/me/sharing', { recipientKind: 'network', recipientId: p1, item: 'shoe.size', granted: true })).statusCode).toBe(400);
    const stranger = await young.put('/api/me/sharing', { recipientKind: 'company', recipientId: '00000000-0000-4000-8000-000000000000', item: 'contact.phone', granted: true });
    expect(stranger.statusCode).toBe(404);
    expect((await young.put('/api/me/sharing', { recipientKind: 'network', recipientId: p1, item: 'schedule', granted: true, extra: 1 })).statusCode).toBe(400);
  });
});

describe('Hvem har set mine oplysninger', () => {
  it('shows date, organisation, role and purpose of others reading, not my own reads', async () => {
    await counsellor.get(`/api/youth/${ypId}`);
    const log = (await young.get('/api/me/access-log')).json();
    expect(log.length).toBeGreaterThan(0);
    expect(log[0]).toMatchObject({ organisation: 'Aulum Milen', role: 'counsellor', purpose: 'casework' });
    expect(log.every((e: { role: string }) => e.role !== 'young_person')).toBe(true);
    expect(JSON.stringify(log)).not.toContain('Mette');
  });

  it('names the company when a company contact read, not the partnership', async () => {
    const company = await makeCompany(t.db, p1, 'Aulum Tømrer ApS');
    const opening = await makeOpening(t.db, p1, company.id);
    const placement = await makePlacement(t.db, { partnershipId: p1, youngPersonId: ypId, companyId: company.id, openingId: opening.id, startDate: '2030-01-06' });
    const contact = await t.login((await makeCompanyContact(t.db, p1, company.id)).email);
    expect((await contact.get(`/api/employer/placements/${placement.id}`)).statusCode).toBe(200);
    const log = (await young.get('/api/me/access-log')).json();
    expect(log[0]).toMatchObject({ organisation: 'Aulum Tømrer ApS', role: 'company_contact' });
    expect(log.some((e: { organisation: string; role: string }) => e.role === 'counsellor' && e.organisation === 'Aulum Milen')).toBe(true);
  });
});

describe('Mine data', () => {
  it('downloads everything as JSON and as a readable page, each audited as export', async () => {
    await counsellor.post(`/api/youth/${ypId}/journal`, { kind: 'phone', occurredOn: '2030-01-02', sensitivity: 'ordinary', body: 'Ringede om praktik' });
    const json = await young.get('/api/me/export');
    expect(json.headers['content-disposition']).toContain('mine-data.json');
    const data = json.json();
    expect(data.person).toMatchObject({ firstName: 'Sofie', lastName: 'Møller' });
    expect(data.journal).toMatchObject([{ text: 'Ringede om praktik' }]);
    expect(data.plans).toHaveLength(1);
    expect(data.consentHistory.length).toBeGreaterThanOrEqual(2);
    const html = await young.get('/api/me/export.html');
    expect(html.body).toContain('<h1>Mine data</h1>');
    expect(html.body).toContain('Ringede om praktik');
    const exports = await t.db.selectFrom('audit_log').select('purpose').where('subject_id', '=', ypId).where('action', '=', 'export').execute();
    expect(exports).toHaveLength(2);
  });

  it('a young person without a record gets 404', async () => {
    const loner = await t.login((await makeUser(t.db, p1, 'young_person')).email);
    expect((await loner.get('/api/me/export')).statusCode).toBe(404);
  });
});
