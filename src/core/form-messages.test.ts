import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('form errors name the field in Danish sentences, never a schema word (body, (date), (email))', async () => {
  const p = await makePartnership(t.db);
  const counsellor = await t.login((await makeUser(t.db, p.id, 'counsellor')).email);
  const intake = await counsellor.post('/api/youth', { referralSource: 'school', firstName: '', lastName: 'Lund', birthDate: '24-12-2003', email: 'ikke-en-mail' });
  expect(intake.statusCode).toBe(400);
  const { message, fields } = intake.json().error;
  expect(fields).toEqual(expect.arrayContaining([
    { field: 'firstName', message: 'Skriv fornavnet.' },
    { field: 'birthDate', message: 'Datoen skal skrives som dag.måned.år.' },
    { field: 'email', message: 'E-mailadressen er ikke gyldig. Skriv den som navn@eksempel.dk.' },
  ]));
  expect(message).toMatch(/^Der er fejl i formularen: /);
  for (const word of ['body', '(date)', '(email)', 'firstName', 'birthDate']) expect(message).not.toContain(word);

  const yp = await makeYoungPerson(t.db, p.id);
  const journal = await counsellor.post(`/api/youth/${yp.id}/journal`, { kind: 'note', occurredOn: '2026-01-10', sensitivity: 'ordinary', body: '' });
  expect(journal.json().error.fields).toEqual([{ field: 'body', message: 'Skriv teksten.' }]);
  expect(journal.json().error.message).toBe('Der er fejl i formularen: Skriv teksten.');
});
