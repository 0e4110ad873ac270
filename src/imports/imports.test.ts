import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { csvOf, CSV_HEADERS, xlsxOf, XLSX_HEADERS } from './testkit.ts';
import { readSheet } from './sheet.ts';
import { bombXlsx, hugeCellXlsx } from '../../test/helpers/xlsx-bombs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function setup() {
  const p = await makePartnership(t.db);
  const counsellorUser = await makeUser(t.db, p.id, 'counsellor');
  return { p, counsellorUser, counsellor: await t.login(counsellorUser.email) };
}

it('a dry run of a Windows-1252 CSV (Danish headers in any order) shows each row as create, match or error in Danish, and writes nothing', async () => {
  const { p, counsellor } = await setup();
  await makeYoungPerson(t.db, p.id, { firstName: 'Søren', lastName: 'Ærø', birthDate: '2004-05-06' });
  const file = csvOf(['Efternavn', 'Startdato', 'Fornavn', 'Fødselsdato', 'Resultat', 'Resultatdato', 'Telefon'], [
    ['Åberg', '01.09.2018', 'Mette', '12.03.2000', 'Uddannelse', '15.06.2020', '20 30 40 50'],
    ['Ærø', '', 'Søren', '06.05.2004', '', '', ''],
    ['Hansen', '', 'Ib', '31.02.2003', '', '', ''],
    ['Jensen', '', '', '01.01.2001', 'Fleksjob', '', ''],
  ], 'windows-1252');
  const res = await counsellor.post('/api/imports/young-people/dry-run?fileName=unge.csv', file, CSV_HEADERS);
  expect(res.statusCode).toBe(200);
  const r = res.json();
  expect(r).toMatchObject({ encoding: 'windows-1252', dryRun: true, imported: false, counts: { rows: 4, create: 1, match: 1, error: 2 } });
  expect(r.rows[0]).toMatchObject({ row: 2, action: 'create', label: 'Mette Åberg' });
  expect(r.rows[1]).toMatchObject({ row: 3, action: 'match', label: 'Søren Ærø' });
  expect(r.rows[2].problems).toEqual([{ row: 4, column: 'Fødselsdato', message: 'Datoen findes ikke (31.02.2003). Skriv den som dag.måned.år.' }]);
  expect(r.rows[3].problems.map((x: { column: string }) => x.column)).toEqual(['Fornavn']);
  expect(r.lines).toContain('Række 4, kolonne «Fødselsdato»: Datoen findes ikke (31.02.2003). Skriv den som dag.måned.år.');
  const n = await t.db.selectFrom('young_people').select((eb) => eb.fn.countAll<number>().as('n')).where('partnership_id', '=', p.id).executeTakeFirstOrThrow();
  expect(Number(n.n)).toBe(1);

  // The import itself refuses the whole file while one row is wrong.
  const refused = await counsellor.post('/api/imports/young-people?fileName=unge.csv', file, CSV_HEADERS);
  expect(refused.statusCode).toBe(422);
  expect(refused.json().lines.at(-1)).toMatch(/^Intet er importeret/);
  expect((await t.db.selectFrom('young_people').select('id').where('partnership_id', '=', p.id).execute())).toHaveLength(1);
});

it('an XLSX with English headers is imported all at once; a historic pathway keeps its start and outcome dates; each person is audited', async () => {
  const { p, counsellor, counsellorUser } = await setup();
  const file = await xlsxOf(['Birth date', 'First name', 'Last name', 'Start date', 'Outcome', 'Outcome date', 'Education', 'Case number', 'Counsellor'], [
    ['2001-02-03', 'Anna', 'Berg', '2018-09-01', 'education', '2020-06-15', 'FGU', 'SAG-17', counsellorUser.email],
    ['04.05.2003', 'Bo', 'Dahl', '', '', '', '', '', ''],
  ]);
  const dry = await counsellor.post('/api/imports/young-people/dry-run?fileName=unge.xlsx', file, XLSX_HEADERS);
  expect(dry.json()).toMatchObject({ format: 'xlsx', counts: { create: 2, error: 0 } });
  const res = await counsellor.post('/api/imports/young-people?fileName=unge.xlsx', file, XLSX_HEADERS);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ imported: true, counts: { create: 2 } });
  const anna = await t.db.selectFrom('young_people').selectAll().where('partnership_id', '=', p.id).where('first_name', '=', 'Anna').executeTakeFirstOrThrow();
  expect(anna).toMatchObject({ stage: 'ended', outcome: 'education', outcome_education: 'FGU', outcome_date: '2020-06-15', municipal_case_ref: 'SAG-17', counsellor_id: counsellorUser.id });
  expect(new Date(anna.created_at).toISOString().slice(0, 10)).toBe('2018-09-01');
  const events = await t.db.selectFrom('pathway_events').select(['kind', 'outcome_date']).where('young_person_id', '=', anna.id).orderBy('id').execute();
  expect(events.map((e) => e.kind)).toEqual(['intake', 'end']);
  const audited = await t.db.selectFrom('audit_log').select('subject_id').where('partnership_id', '=', p.id).where('action', '=', 'create').where('purpose', '=', 'import').execute();
  expect(audited).toHaveLength(2);

  // Importing the same file again creates nothing new: both rows match.
  const again = await counsellor.post('/api/imports/young-people?fileName=unge.xlsx', file, XLSX_HEADERS);
  expect(again.json()).toMatchObject({ imported: true, counts: { create: 0, match: 2 } });
});

it('a CPR-like value in any column refuses the row, naming row and column, with or without the dash', async () => {
  const { p, counsellor } = await setup();
  for (const cpr of ['010190-1234', '0101901234']) {
    const file = csvOf(['Fornavn', 'Efternavn', 'Fødselsdato', 'Noget andet'], [['Ida', 'Lund', '01.01.1990', ''], ['Eva', 'Holm', '01.01.2000', cpr]]);
    const res = await counsellor.post('/api/imports/young-people', file, CSV_HEADERS);
    expect(res.statusCode).toBe(422);
    expect(res.json().rows[1].problems[0]).toMatchObject({ row: 3, column: 'Noget andet', message: expect.stringMatching(/CPR-nummer/) });
  }
  // A number Excel stored without its leading zero is caught too.
  const xlsx = await xlsxOf(['Fornavn', 'Efternavn', 'Fødselsdato', 'Sagsnummer'], [['Eva', 'Holm', '01.01.2000', '101901234']]);
  expect((await counsellor.post('/api/imports/young-people', xlsx, XLSX_HEADERS)).json().rows[0].problems[0].column).toBe('Sagsnummer');
  expect(await t.db.selectFrom('young_people').select('id').where('partnership_id', '=', p.id).execute()).toHaveLength(0);
});

it('companies come with their contact persons and openings (decimal comma), mentors too, and both export in the same layout', async () => {
  const { p, counsellor } = await setup();
  const companies = csvOf(['Virksomhed', 'CVR', 'Kontaktperson', 'Kontaktpersonens e-mail', 'Opgave', 'Forløbstyper', 'Timer om dagen', 'Pladser', 'Medlemskab'], [
    ['Tømrer Hansen', '', 'Lis Hansen', 'lis@hansen.dk', 'Lager', 'Virksomhedspraktik, løntilskud', '3,5', '2', 'Fast partner'],
    ['Tømrer Hansen', '', 'Per Hansen', '', 'Værksted', 'snusepraktik', '', '', ''],
    ['Bageriet', '', '', '', '', '', '', '', 'ukendt'],
  ], 'utf-8');
  const dry = (await counsellor.post('/api/imports/companies/dry-run', companies, CSV_HEADERS)).json();
  expect(dry.counts).toEqual({ rows: 3, create: 2, match: 0, error: 1 });
  expect(dry.rows[2].problems[0]).toMatchObject({ column: 'Medlemskab', message: expect.stringMatching(/"ukendt" er ikke en kendt tilknytning/) });
  const fixed = csvOf(['Virksomhed', 'Kontaktperson', 'Kontaktpersonens e-mail', 'Opgave', 'Forløbstyper', 'Timer om dagen', 'Pladser', 'Medlemskab'], [
    ['Tømrer Hansen', 'Lis Hansen', 'lis@hansen.dk', 'Lager', 'Virksomhedspraktik, løntilskud', '3,5', '2', 'Fast partner'],
    ['Tømrer Hansen', 'Per Hansen', '', 'Værksted', 'snusepraktik', '', '', ''],
  ]);
  const res = await counsellor.post('/api/imports/companies', fixed, CSV_HEADERS);
  expect(res.statusCode).toBe(200);
  const company = await t.db.selectFrom('companies').selectAll().where('partnership_id', '=', p.id).executeTakeFirstOrThrow();
  expect(company).toMatchObject({ name: 'Tømrer Hansen', membership: 'fixed_partner' });
  const openings = await t.db.selectFrom('openings').selectAll().where('company_id', '=', company.id).orderBy('title').execute();
  expect(openings.map((o) => [o.title, Number(o.start_hours_per_day), o.capacity, o.placement_kinds])).toEqual([
    ['Lager', 3.5, 2, ['work_placement', 'wage_subsidy']], ['Værksted', 4, 1, ['trial']],
  ]);
  expect(await t.db.selectFrom('company_contacts').select('name').where('company_id', '=', company.id).execute()).toHaveLength(2);

  const mentors = await xlsxOf(['Navn', 'Mentortype', 'E-mail', 'Timer om måneden'], [['Karen Vestergaard', 'Frivillig', 'karen@x.dk', '4'], ['Ole Virk', 'Virksomhedsmentor', '', '']]);
  const m1 = (await counsellor.post('/api/imports/mentors', mentors, XLSX_HEADERS)).json();
  expect(m1.rows[1].problems[0].message).toMatch(/hører til en praktik/);
  const ok = await counsellor.post('/api/imports/mentors', await xlsxOf(['Name', 'Kind', 'Email', 'Hours per month'], [['Karen Vestergaard', 'volunteer', 'karen@x.dk', '4']]), XLSX_HEADERS);
  expect(ok.statusCode).toBe(200);

  // Export → import again: everything matches, nothing is created twice.
  const csv = await counsellor.get('/api/imports/companies/export?format=csv');
  expect(csv.headers['content-type']).toMatch(/text\/csv/);
  expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  expect(csv.body).toContain('Tømrer Hansen;');
  expect(csv.body).toContain('3,5');
  const back = (await counsellor.post('/api/imports/companies/dry-run?fileName=x.csv', csv.rawPayload, CSV_HEADERS)).json();
  expect(back.counts).toMatchObject({ create: 0, match: 2, error: 0 });
  const xlsx = await counsellor.get('/api/imports/mentors/export?format=xlsx');
  const sheet = await readSheet('m.xlsx', xlsx.rawPayload);
  expect(sheet.rows.map((r) => r.cells.slice(0, 2))).toEqual([['Karen Vestergaard', 'Frivillig erhvervsmentor']]);
});

it('exporting young people puts each exported person on record; the export imports back as matches', async () => {
  const { p, counsellor } = await setup();
  const a = await makeYoungPerson(t.db, p.id, { firstName: 'Ask', lastName: 'Bech', birthDate: '2003-03-03' });
  const res = await counsellor.get('/api/imports/young-people/export?format=xlsx');
  expect(res.statusCode).toBe(200);
  const logged = await t.db.selectFrom('audit_log').select(['subject_id']).where('action', '=', 'export').where('subject_kind', '=', 'young_person').where('partnership_id', '=', p.id).execute();
  expect(logged.map((l) => l.subject_id)).toEqual([a.id]);
  const back = (await counsellor.post('/api/imports/young-people/dry-run?fileName=u.xlsx', res.rawPayload, XLSX_HEADERS)).json();
  expect(back.counts).toMatchObject({ create: 0, match: 1, error: 0 });
});

it('refusals: no login 401, a role without access 403, an unknown set 400, a wrong file type 400, a missing column named', async () => {
  const { p, counsellor } = await setup();
  const file = csvOf(['Fornavn'], [['A']]);
  expect((await t.anonymous().post('/api/imports/young-people/dry-run', file, CSV_HEADERS)).statusCode).toBe(401);
  const contact = await t.login((await makeUser(t.db, p.id, 'company_contact')).email);
  expect((await contact.post('/api/imports/young-people/dry-run', file, CSV_HEADERS)).statusCode).toBe(403);
  expect((await contact.get('/api/imports/young-people/export?format=csv')).statusCode).toBe(403);
  expect((await counsellor.post('/api/imports/students/dry-run', file, CSV_HEADERS)).statusCode).toBe(400);
  expect((await counsellor.post('/api/imports/young-people/dry-run', '{"a":1}', { 'content-type': 'application/json' })).statusCode).toBe(400);
  const missing = (await counsellor.post('/api/imports/young-people/dry-run', file, CSV_HEADERS)).json();
  expect(missing.problems.map((x: { message: string }) => x.message)).toEqual([
    'Kolonnen "Efternavn" mangler i overskriftsrækken.', 'Kolonnen "Fødselsdato" mangler i overskriftsrækken.',
  ]);
  const notXlsx = (await counsellor.post('/api/imports/young-people/dry-run', Buffer.from('nope'), XLSX_HEADERS)).json();
  expect(notXlsx.problems[0].message).toMatch(/kunne ikke læses som en Excel-fil/);
});

it('a spreadsheet that unpacks to hundreds of MB or holds a 300 MB cell is refused with 413 in Danish before it is parsed, and the server keeps serving', async () => {
  const { counsellor } = await setup();
  for (const file of [bombXlsx(450), hugeCellXlsx(300)]) {
    for (const url of ['/api/imports/young-people/dry-run', '/api/imports/young-people']) {
      const res = await counsellor.post(url, file, XLSX_HEADERS);
      expect(res.statusCode, url).toBe(413);
      expect(res.json()).toMatchObject({ imported: false, fileRefused: 413 });
      expect(res.json().problems[0].message).toMatch(/MB|for stor|større/);
    }
  }
  expect((await counsellor.get('/api/imports/young-people/columns')).statusCode).toBe(200);
});
