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
