import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';

let t: TestApp;
let p1: string;
let p2: string;
let counsellor: TestClient;
let counsellorId: string;
let otherCounsellor: TestClient;

const yearsAgo = (years: number, days = 10) => {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  d.setDate(d.getDate() - days);
  return d.toISOString().slice(0, 10);
};
const intake = (over: Record<string, unknown> = {}) => ({
  referralSource: 'school', firstName: 'Åse', lastName: 'Ærø', birthDate: yearsAgo(19), phone: '20 30 40 50',
  email: 'aase@eksempel.invalid', address: 'Skolegade 1', postalCode: '7490', preferredContactTimes: 'Efter kl. 12',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  p1 = (await makePartnership(t.db)).id;
  p2 = (await makePartnership(t.db)).id;
  const c = await makeUser(t.db, p1, 'counsellor', 'Mette Vejleder');
  counsellorId = c.id;
  counsellor = await t.login(c.email);
  otherCounsellor = await t.login((await makeUser(t.db, p2, 'counsellor')).email);
});
afterAll(() => t.close());

describe('intake (visitation)', () => {
  it('takes in a young person, shows the age and starts the pathway as referred', async () => {
    const res = await counsellor.post('/api/youth', intake());
    expect(res.statusCode).toBe(201);
    const yp = res.json();
    expect(yp).toMatchObject({ firstName: 'Åse', lastName: 'Ærø', age: 19, stage: 'referred', referralSource: 'school', counsellorId, version: 1 });
    const pathway = await counsellor.get(`/api/youth/${yp.id}/pathway`);
    expect(pathway.json()).toMatchObject([{ kind: 'intake', toStage: 'referred' }]);
  });

  it("enforces the partnership's age range with a Danish message at the birth date", async () => {
    const res = await counsellor.post('/api/youth', intake({ birthDate: yearsAgo(31) }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ field: 'birthDate', message: expect.stringMatching(/er 31 år\. .* tager imod unge fra 15 til 29 år/) }]);
    const young = await counsellor.post('/api/youth', intake({ birthDate: yearsAgo(14) }));
    expect(young.statusCode).toBe(400);
  });

  it('asks for a guardian when the young person is under 18', async () => {
    const res = await counsellor.post('/api/youth', intake({ birthDate: yearsAgo(16) }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('guardianName');
    const ok = await counsellor.post('/api/youth', intake({ birthDate: yearsAgo(16), guardianName: 'Mor Ærø', guardianPhone: '11223344' }));
    expect(ok.statusCode).toBe(201);
    expect(ok.json().guardianName).toBe('Mor Ærø');
  });

  it('refuses unknown fields and a CPR number field with 400', async () => {
    const res = await counsellor.post('/api/youth', intake({ cpr: '0101011234' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toContainEqual({ field: 'cpr', message: 'er ikke et kendt felt' });
  });

  it('refuses bad postal codes and e-mails with messages at the field', async () => {
    const res = await counsellor.post('/api/youth', intake({ postalCode: '74', email: 'ikke-en-mail' }));
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['postalCode', 'email']));
  });
});

describe('caseload search and order', () => {
  it('finds names written with aa/oe/ae and sorts in Danish order (æ, ø, å last; aa as å)', async () => {
    for (const [first, last] of [['Ida', 'Aagaard'], ['Bo', 'Østergaard'], ['Eva', 'Ærenlund'], ['Kim', 'Andersen'], ['Lis', 'Zeuthen'], ['Ulla', 'Åberg']]) {
      await makeYoungPerson(t.db, p1, { firstName: first, lastName: last, counsellorId });
    }
    const all = (await counsellor.get('/api/youth?limit=500')).json() as { lastName: string }[];
    const names = all.map((r) => r.lastName).filter((n) => ['Aagaard', 'Østergaard', 'Ærenlund', 'Andersen', 'Zeuthen', 'Åberg'].includes(n));
    expect(names).toEqual(['Andersen', 'Zeuthen', 'Ærenlund', 'Østergaard', 'Åberg', 'Aagaard']);
    const oe = (await counsellor.get('/api/youth?q=oestergaard')).json();
    expect(oe.map((r: { lastName: string }) => r.lastName)).toEqual(['Østergaard']);
    const aa = (await counsellor.get(`/api/youth?q=${encodeURIComponent('ågaard')}`)).json();
    expect(aa.map((r: { lastName: string }) => r.lastName)).toEqual(['Aagaard']);
    const ae = (await counsellor.get('/api/youth?q=aerenl')).json();
    expect(ae.map((r: { lastName: string }) => r.lastName)).toEqual(['Ærenlund']);
  });

  it('finds ø typed as o, æ as a (as å as aa) and the words of a name in any order', async () => {
    await makeYoungPerson(t.db, p1, { firstName: 'Mads', lastName: 'Nørgaard', counsellorId });
    await makeYoungPerson(t.db, p1, { firstName: 'Sofie', lastName: 'Møller', counsellorId });
    await makeYoungPerson(t.db, p1, { firstName: 'Sofie', lastName: 'Holm', counsellorId });
    await makeYoungPerson(t.db, p1, { firstName: 'Kær', lastName: 'Lund', counsellorId });
    const find = async (q: string) =>
      ((await counsellor.get(`/api/youth?q=${encodeURIComponent(q)}`)).json() as { firstName: string; lastName: string }[]).map((r) => `${r.firstName} ${r.lastName}`);
    expect(await find('norgaard')).toEqual(['Mads Nørgaard']);
    expect(await find('Noergard')).toEqual(['Mads Nørgaard']);
    expect(await find('møller sofie')).toEqual(['Sofie Møller']);
    expect(await find('moller  SOFIE')).toEqual(['Sofie Møller']);
    expect(await find('kar lund')).toEqual(['Kær Lund']);
    expect(await find('sofie')).toEqual(['Sofie Holm', 'Sofie Møller']);
  });

  it('pages the caseload in Danish name order: a page of 50 by default, the next page after the last id shown', async () => {
    const c = await makeUser(t.db, p1, 'counsellor');
    const client = await t.login(c.email);
    const people = [['Anna', 'Holm'], ['Bo', 'Holm-Jensen'], ['Cai', 'Holmberg'], ['Dan', 'Müller'], ['Eli', 'Myre'], ['Finn', 'Élise'],
      ['Gry', 'Ebbesen'], ['Hans', 'Ølund'], ['Ida', 'Öberg'], ['Jens', 'Aabenraa'], ['Kaj', 'Holm']];
    for (const [firstName, lastName] of people) await makeYoungPerson(t.db, p1, { firstName, lastName, counsellorId: c.id });
    for (let i = 0; i < 52; i++) await makeYoungPerson(t.db, p1, { firstName: `Side${i}`, lastName: 'Sørensen', counsellorId: c.id });
    const collator = new Intl.Collator('da', { sensitivity: 'base' });
    const key = (r: { firstName: string; lastName: string }) => `${r.lastName}|${r.firstName}`;

    const first = (await client.get('/api/youth?mine=true')).json() as { id: string; firstName: string; lastName: string }[];
    expect(first).toHaveLength(50);
    const seen = [...first];
    for (let after = first.at(-1)!.id; ;) {
      const page = (await client.get(`/api/youth?mine=true&limit=4&after=${after}`)).json() as typeof first;
      seen.push(...page);
      if (page.length < 4) break;
      after = page.at(-1)!.id;
    }
    expect(seen).toHaveLength(people.length + 52);
    expect(new Set(seen.map((r) => r.id)).size).toBe(seen.length);
    // The server's order is the Danish collation's (ties keep a stable order by id).
    const expected = [...seen].sort((a, b) => collator.compare(a.lastName, b.lastName) || collator.compare(a.firstName, b.firstName));
    expect(seen.map((r) => r.lastName)).toEqual(expected.map((r) => r.lastName));
    expect(seen.filter((r) => r.lastName === 'Holm').map(key)).toEqual(['Holm|Anna', 'Holm|Kaj']);
    // A cursor from another partnership's list gives nothing, and paging is not logged as a search criterion.
    const foreign = (await otherCounsellor.get(`/api/youth?after=${first[0].id}`)).json();
    expect(foreign).toEqual([]);
    const row = await t.db.selectFrom('audit_log').select('criterion').where('user_id', '=', c.id).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row.criterion).toBe('mine');
    expect((await client.get('/api/youth?after=nope')).statusCode).toBe(400);
  });

  it('filters by stage, readiness and days without contact', async () => {
    const c = await makeUser(t.db, p1, 'counsellor');
    const client = await t.login(c.email);
    const a = (await client.post('/api/youth', intake({ firstName: 'Filtera' }))).json();
    const b = (await client.post('/api/youth', intake({ firstName: 'Filterb' }))).json();
    await client.post(`/api/youth/${a.id}/screenings`, { baseVersion: 0, barriers: [], strengths: [], interests: [], transport: [], readiness: 'ready' });
    await t.db.updateTable('young_people').set({ last_contact_at: new Date(Date.now() - 40 * 86_400_000) }).where('id', '=', b.id).execute();
    const names = async (q: string) => ((await client.get(`/api/youth?mine=true&${q}`)).json() as { firstName: string }[]).map((r) => r.firstName);
    expect(await names('stage=screening')).toEqual(['Filtera']);
    expect(await names('stage=referred')).toEqual(['Filterb']);
    expect(await names('readiness=ready')).toEqual(['Filtera']);
    expect(await names('noContactDays=30')).toEqual(['Filterb']);
    // The last contact is sent as the instant, in UTC to the millisecond.
    const at = new Date('2026-11-30T09:15:42.123Z');
    await t.db.updateTable('young_people').set({ last_contact_at: at }).where('id', '=', b.id).execute();
    const rows = (await client.get('/api/youth?mine=true')).json() as { firstName: string; lastContactAt: string | null }[];
    expect(rows.map((r) => [r.firstName, r.lastContactAt])).toEqual([['Filtera', expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)], ['Filterb', at.toISOString()]]);
    expect((await client.get('/api/youth?stage=flying')).statusCode).toBe(400);
  });

  it('audits a search with the criterion, never the names', async () => {
    await counsellor.get('/api/youth?q=zeuthen&stage=referred');
    const row = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'search').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row.criterion).toBe('q,stage');
    expect(JSON.stringify(row)).not.toContain('zeuthen');
  });

  it('never lists young people of another partnership', async () => {
    const list = (await otherCounsellor.get('/api/youth')).json();
    expect(list).toEqual([]);
  });
});

describe('reading and editing one young person', () => {
  it('gives 404 to a counsellor of another partnership', async () => {
    const yp = (await counsellor.post('/api/youth', intake())).json();
    expect((await otherCounsellor.get(`/api/youth/${yp.id}`)).statusCode).toBe(404);
    expect((await otherCounsellor.patch(`/api/youth/${yp.id}`, { version: 1, phone: '11111111' })).statusCode).toBe(404);
  });

  it('saves with the current version and answers 409 with the current version to a stale save', async () => {
    const yp = (await counsellor.post('/api/youth', intake())).json();
    const first = await counsellor.patch(`/api/youth/${yp.id}`, { version: 1, phone: '99887766', nextFollowUp: '2030-01-01' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, phone: '99887766', nextFollowUp: '2030-01-01' });
    const stale = await counsellor.patch(`/api/youth/${yp.id}`, { version: 1, phone: '12121212' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toMatch(/En anden har gemt ændringer/);
    expect(stale.json().error.fields).toEqual([{ field: 'version', message: '2' }]);
    const now = (await counsellor.get(`/api/youth/${yp.id}`)).json();
    expect(now.phone).toBe('99887766');
  });

  it('writes an audit row for every read', async () => {
    const yp = (await counsellor.post('/api/youth', intake())).json();
    await counsellor.get(`/api/youth/${yp.id}`);
    const rows = await t.db.selectFrom('audit_log').select(['action', 'purpose']).where('subject_id', '=', yp.id).execute();
    expect(rows).toContainEqual({ action: 'read', purpose: 'casework' });
    expect(rows).toContainEqual({ action: 'create', purpose: 'casework' });
  });
});

describe('Mine opfølgninger', () => {
  it('groups my follow-ups into overdue, today and this week', async () => {
    const c = await makeUser(t.db, p1, 'counsellor');
    const client = await t.login(c.email);
    const today = new Date();
    const day = (offset: number) => {
      const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + offset);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const make = async (name: string, date: string) => {
      const yp = (await client.post('/api/youth', intake({ firstName: name }))).json();
      await client.patch(`/api/youth/${yp.id}`, { version: 1, nextFollowUp: date });
    };
    await make('Forsinket', day(-3));
    await make('Idag', day(0));
    await make('Langtude', day(30));
    const res = (await client.get('/api/youth/follow-ups')).json();
    expect(res.overdue.map((r: { firstName: string }) => r.firstName)).toEqual(['Forsinket']);
    expect(res.today.map((r: { firstName: string }) => r.firstName)).toEqual(['Idag']);
    expect(res.thisWeek.map((r: { firstName: string }) => r.firstName)).not.toContain('Langtude');
    const overdue = (await client.get('/api/youth?overdue=true&mine=true')).json();
    expect(overdue.map((r: { firstName: string }) => r.firstName)).toEqual(['Forsinket']);
  });
});
