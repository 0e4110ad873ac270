// Keeping a young person's record correct after intake (issue #15).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';

let t: TestApp;
let counsellor: TestClient;
let partnershipId: string;
beforeAll(async () => {
  t = await createTestApp();
  const p = await makePartnership(t.db);
  partnershipId = p.id;
  counsellor = await t.login((await makeUser(t.db, p.id, 'counsellor')).email);
});
afterAll(async () => t?.close());

it('a journal correction is the current version also when it moves the entry to an earlier date', async () => {
  const yp = await makeYoungPerson(t.db, partnershipId);
  const created = await counsellor.post(`/api/youth/${yp.id}/journal`, { kind: 'meeting', occurredOn: '2026-01-20', sensitivity: 'ordinary', body: 'Møde (forkert dato)' });
  const { entryId } = created.json();
  const corrected = await counsellor.post(`/api/youth/${yp.id}/journal/${entryId}/versions`, { baseVersion: 1, kind: 'meeting', occurredOn: '2026-01-05', sensitivity: 'ordinary', body: 'Møde' });
  expect(corrected.statusCode).toBe(201);
  const list = (await counsellor.get(`/api/youth/${yp.id}/journal`)).json();
  expect(list).toHaveLength(1);
  expect(list[0]).toMatchObject({ version: 2, occurredOn: '2026-01-05', body: 'Møde' });
  expect(list[0].earlier).toMatchObject([{ version: 1, occurredOn: '2026-01-20' }]);
  // A third correction (to a later date again) is current too.
  await counsellor.post(`/api/youth/${yp.id}/journal/${entryId}/versions`, { baseVersion: 2, kind: 'meeting', occurredOn: '2026-01-10', sensitivity: 'ordinary', body: 'Møde kl. 10' });
  const again = (await counsellor.get(`/api/youth/${yp.id}/journal`)).json();
  expect(again[0]).toMatchObject({ version: 3, body: 'Møde kl. 10' });
  expect(again[0].earlier.map((e: { version: number }) => e.version)).toEqual([2, 1]);
});

it('name, birth date, referral source, case number and guardian are corrected after intake: a new version, audited; a stale version is refused', async () => {
  const yp = await makeYoungPerson(t.db, partnershipId, { firstName: 'Mette', lastName: 'Hnasen', birthDate: '2004-05-06' });
  const res = await counsellor.patch(`/api/youth/${yp.id}`, {
    version: 1, firstName: 'Mette', lastName: 'Hansen', birthDate: '2004-06-05', referralSource: 'school', municipalCaseRef: 'SAG-42',
    guardianName: 'Lis Hansen', guardianPhone: '20304050',
  });
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ lastName: 'Hansen', birthDate: '2004-06-05', referralSource: 'school', municipalCaseRef: 'SAG-42', guardianName: 'Lis Hansen', version: 2 });
  const audited = await t.db.selectFrom('audit_log').select('action').where('subject_id', '=', yp.id).where('action', '=', 'change').execute();
  expect(audited).toHaveLength(1);
  const stale = await counsellor.patch(`/api/youth/${yp.id}`, { version: 1, firstName: 'Mette' });
  expect(stale.statusCode).toBe(409);
  const empty = await counsellor.patch(`/api/youth/${yp.id}`, { version: 2, firstName: '' });
  expect(empty.json().error.fields).toEqual([{ field: 'firstName', message: 'Skriv fornavnet.' }]);
  const cpr = await counsellor.patch(`/api/youth/${yp.id}`, { version: 2, municipalCaseRef: '060504-1234' });
  expect(cpr.json().error.code).toBe('cpr_number');
});

it('intake warns about a likely duplicate (same birth date and a similar name, or the same phone or e-mail) with links, and the counsellor can go on', async () => {
  const existing = await makeYoungPerson(t.db, partnershipId, { firstName: 'Søren', lastName: 'Kjærgaard', birthDate: '2003-02-01' });
  const check = (q: Record<string, string>) => counsellor.get(`/api/youth/duplicates?${new URLSearchParams(q).toString()}`);
  const similar = await check({ firstName: 'Soren', lastName: 'Kjargaard', birthDate: '2003-02-01' });
  expect(similar.statusCode).toBe(200);
  expect(similar.json()).toEqual([{ id: existing.id, firstName: 'Søren', lastName: 'Kjærgaard', birthDate: '2003-02-01' }]);
  // The same phone is a likely duplicate whatever the name; another person on the same day is not.
  await t.db.updateTable('young_people').set({ phone: '20 30 40 99', email: 'soren@x.dk' }).where('id', '=', existing.id).execute();
  expect((await check({ firstName: 'Anden', lastName: 'Person', birthDate: '2005-05-05', phone: '20304099' })).json()).toHaveLength(1);
  expect((await check({ firstName: 'Anden', lastName: 'Person', birthDate: '2005-05-05', email: 'SOREN@x.dk' })).json()).toHaveLength(1);
  expect((await check({ firstName: 'Helt', lastName: 'Andersen', birthDate: '2003-02-01' })).json()).toEqual([]);
  // The counsellor can still go on: the intake itself is not blocked.
  expect((await counsellor.post('/api/youth', { referralSource: 'school', firstName: 'Soren', lastName: 'Kjargaard', birthDate: '2003-02-01' })).statusCode).toBe(201);
  // The check is a search of young people: on record, and refused without access.
  expect(await t.db.selectFrom('audit_log').select('id').where('criterion', '=', 'intake_duplicates').where('partnership_id', '=', partnershipId).execute()).toHaveLength(4);
  const contact = await t.login((await makeUser(t.db, partnershipId, 'company_contact')).email);
  expect((await contact.get('/api/youth/duplicates?firstName=a&lastName=b&birthDate=2003-02-01')).statusCode).toBe(403);
  expect((await counsellor.get('/api/youth/duplicates?firstName=a&lastName=b&birthDate=1.2.2003')).json().error.fields).toEqual([{ field: 'birthDate', message: 'Datoen skal skrives som dag.måned.år.' }]);
});
