import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { containsCpr, cprFields } from './cpr.ts';

describe('the CPR rule', () => {
  it('finds DDMMYY-XXXX with or without the dash, also inside text, only on a real day', () => {
    for (const s of ['010190-1234', '0101901234', 'CPR: 241203 5678', 'ring (290200-1111) i morgen', '290296-1111']) expect(containsCpr(s), s).toBe(true);
    // 31 February, month 13, longer digit runs, phone numbers, dates, CVR and uuids are not CPR numbers.
    for (const s of ['310290-1234', '290201-1111', '011390-1234', '12345678901', '20 30 40 50', '+45 2030 4050', '2026-01-01', '12345678', 'SAG-2024-0042',
      '7d0f3b2e-0101-4190-1234-010190123400']) expect(containsCpr(s), s).toBe(false);
  });
  it('names every field of a body holding one, but not passwords or tokens', () => {
    expect(cprFields({ body: 'x 0101901234', goals: [{ title: 'ok' }, { title: '010190-1234' }], password: '0101901234', token: '0101901234' }))
      .toEqual(['body', 'goals.1.title']);
  });
});

describe('over HTTP: caught before saving, with a Danish message at the field', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('in the case number at intake, a journal entry, a correction and a company note: 400 cpr_number, nothing saved', async () => {
    const p = await makePartnership(t.db);
    const counsellor = await t.login((await makeUser(t.db, p.id, 'counsellor')).email);
    const intake = await counsellor.post('/api/youth', { referralSource: 'school', firstName: 'Ida', lastName: 'Lund', birthDate: '2005-01-01', municipalCaseRef: '010105-1234' });
    expect(intake.statusCode).toBe(400);
    expect(intake.json().error).toMatchObject({ code: 'cpr_number', message: expect.stringMatching(/CPR-nummer/), fields: [{ field: 'municipalCaseRef' }] });
    expect(await t.db.selectFrom('young_people').select('id').where('partnership_id', '=', p.id).execute()).toHaveLength(0);

    const yp = await makeYoungPerson(t.db, p.id);
    const journal = await counsellor.post(`/api/youth/${yp.id}/journal`, { kind: 'note', occurredOn: '2026-01-10', sensitivity: 'ordinary', body: 'Hendes cpr er 0101051234' });
    expect(journal.statusCode).toBe(400);
    expect(journal.json().error.fields).toEqual([{ field: 'body', message: expect.stringMatching(/CPR-nummer/) }]);
    expect(await t.db.selectFrom('journal_entries').select('id').where('young_person_id', '=', yp.id).execute()).toHaveLength(0);

    const company = await counsellor.post('/api/companies', { name: 'Firma', membership: 'network_member', kind: 'both', notes: 'Kontakt 311299-4321' });
    expect(company.statusCode).toBe(400);
    expect(company.json().error.code).toBe('cpr_number');
    // The same text without the number is saved.
    expect((await counsellor.post(`/api/youth/${yp.id}/journal`, { kind: 'note', occurredOn: '2026-01-10', sensitivity: 'ordinary', body: 'Møde 10.01.2026 kl. 10' })).statusCode).toBe(201);
  });
});
