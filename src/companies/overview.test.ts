import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { addDays, todayInDenmark } from '../placements/dates.ts';
import { makeCompany, makeCompanyContact, makeOpening } from './testkit.ts';

let t: TestApp;
let pid: string;
let counsellor: TestClient;
const today = todayInDenmark();

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db)).id;
  counsellor = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
});
afterAll(() => t.close());

type Status = 'planned' | 'active' | 'paused' | 'ended';
async function place(companyId: string, openingId: string, kind: string, status: Status, startDate: string, end?: { date: string; reason: string }) {
  const yp = await makeYoungPerson(t.db, pid);
  await t.db.insertInto('placements').values({
    partnership_id: pid, young_person_id: yp.id, company_id: companyId, opening_id: openingId, kind, start_date: startDate, status,
    end_date: end?.date ?? null, end_reason: end?.reason ?? null, breakdown_cause: end?.reason === 'breakdown' ? 'match' : null,
  }).execute();
  return yp;
}

describe('hires in the network overview', () => {
  it('counts a placement ended "hired" and a running job or apprenticeship; not a planned, broken-down or finished one', async () => {
    const c = await makeCompany(t.db, pid, 'Ansætteren ApS');
    const o = await makeOpening(t.db, pid, c.id, 20);
    const ago = (n: number) => addDays(today, -n);
    await place(c.id, o.id, 'paid_hours', 'ended', ago(200), { date: ago(30), reason: 'hired' }); // hire
    await place(c.id, o.id, 'ordinary_job', 'active', ago(20)); // hire
    await place(c.id, o.id, 'apprenticeship', 'paused', ago(60)); // hire (paused keeps the job)
    await place(c.id, o.id, 'ordinary_job', 'planned', addDays(today, 14)); // not yet
    await place(c.id, o.id, 'ordinary_job', 'ended', ago(100), { date: ago(50), reason: 'breakdown' }); // broke down
    await place(c.id, o.id, 'apprenticeship', 'ended', ago(100), { date: ago(50), reason: 'education' }); // left for school
    await place(c.id, o.id, 'work_placement', 'ended', ago(100), { date: ago(50), reason: 'ended_as_planned' });
    // The same young person hired after paid hours and now in the job counts once.
    const yp = await place(c.id, o.id, 'paid_hours', 'ended', ago(90), { date: ago(10), reason: 'hired' });
    await t.db.insertInto('placements').values({ partnership_id: pid, young_person_id: yp.id, company_id: c.id, opening_id: o.id, kind: 'ordinary_job', start_date: ago(9), status: 'active' }).execute();

    const overview = (await counsellor.get('/api/network/overview')).json();
    const row = overview.perCompany.find((x: { id: string }) => x.id === c.id);
    expect(row).toMatchObject({ placements: 9, hires: 4, active: true });
    expect(overview.hiresLast12Months).toBe(4);
    expect(overview.byMembership.find((m: { membership: string }) => m.membership === 'network_member')).toMatchObject({ total: 1, active: 1 });
    expect((await counsellor.get(`/api/companies/${c.id}`)).json().hires).toBe(4);
  });
});

describe('openings with free places (GET /api/openings)', () => {
  it('lists only open openings with a free place when asked, sorted by company; filters by kind; stays inside the network', async () => {
    const a = await makeCompany(t.db, pid, 'Aabenraa Lager');
    const full = await makeOpening(t.db, pid, a.id, 1);
    await place(a.id, full.id, 'work_placement', 'active', addDays(today, -3));
    const free = await makeOpening(t.db, pid, a.id, 3);
    const closed = await makeOpening(t.db, pid, a.id, 3);
    await t.db.updateTable('openings').set({ open: false }).where('id', '=', closed.id).execute();
    await t.db.updateTable('openings').set({ placement_kinds: ['leisure_job'] }).where('id', '=', free.id).execute();
    const elsewhere = await makePartnership(t.db);
    const foreign = await makeCompany(t.db, elsewhere.id, 'Fremmed ApS');
    await makeOpening(t.db, elsewhere.id, foreign.id, 5);

    const all = (await counsellor.get('/api/openings')).json();
    expect(all.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([full.id, free.id, closed.id]));
    expect(all.some((o: { companyName: string }) => o.companyName === 'Fremmed ApS')).toBe(false);
    const names = all.map((o: { companyName: string }) => o.companyName);
    expect(names).toEqual([...names].sort(new Intl.Collator('da').compare));

    const freeOnly = (await counsellor.get('/api/openings?freeOnly=true')).json().filter((o: { companyId: string }) => o.companyId === a.id);
    expect(freeOnly).toEqual([expect.objectContaining({ id: free.id, capacity: 3, taken: 0, freePlaces: 3, open: true })]);
    const leisure = (await counsellor.get('/api/openings?kind=leisure_job')).json();
    expect(leisure.map((o: { id: string }) => o.id)).toEqual([free.id]);
    expect((await counsellor.get('/api/openings?kind=flying')).statusCode).toBe(400);
  });

  it('is for the team only: a company contact and a steering group member are refused (403)', async () => {
    const c = await makeCompany(t.db, pid);
    const contact = await t.login((await makeCompanyContact(t.db, pid, c.id)).email);
    const steering = await t.login((await makeUser(t.db, pid, 'steering_group')).email);
    expect((await contact.get('/api/openings')).statusCode).toBe(403);
    expect((await steering.get('/api/openings')).statusCode).toBe(403);
    expect((await steering.get('/api/network/overview')).statusCode).toBe(403);
  });
});

describe('success stories for the network\'s readers', () => {
  it('a company contact, a volunteer mentor and the steering group see a shared story; it disappears for each when withdrawn', async () => {
    const c = await makeCompany(t.db, pid, 'Historiefabrikken');
    const o = await makeOpening(t.db, pid, c.id);
    const yp = await place(c.id, o.id, 'paid_hours', 'ended', addDays(today, -100), { date: addDays(today, -5), reason: 'hired' });
    const placement = await t.db.selectFrom('placements').select('id').where('young_person_id', '=', yp.id).executeTakeFirstOrThrow();
    const story = (await counsellor.post('/api/network/stories', { placementId: placement.id, title: 'Fra lønnede timer til fast job', body: 'Han fik fast job.' })).json();
    const readers = [
      await t.login((await makeCompanyContact(t.db, pid, (await makeCompany(t.db, pid)).id)).email),
      await t.login((await makeUser(t.db, pid, 'volunteer_mentor')).email),
      await t.login((await makeUser(t.db, pid, 'steering_group')).email),
    ];
    const ids = async (r: TestClient) => (await r.get('/api/network/stories')).json().map((s: { id: string }) => s.id);
    for (const r of readers) expect(await ids(r)).not.toContain(story.id);
    await counsellor.post(`/api/network/stories/${story.id}/consent`, { granted: true });
    for (const r of readers) expect(await ids(r)).toContain(story.id);
    await counsellor.post(`/api/network/stories/${story.id}/consent`, { granted: false });
    for (const r of readers) expect(await ids(r)).not.toContain(story.id);
  });
});
