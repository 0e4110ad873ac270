import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { hashPassword } from '../auth/passwords.ts';
import { createUser } from '../cli/create-user.ts';
import { isDatabaseEmpty } from '../demo/seed.ts';
import { createBodyFromArgs, partnershipCommand } from './cli.ts';
import { MUNICIPALITIES, findMunicipality } from './municipalities.ts';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => t.close());

async function makeInstallationAdmin(email = `drift.${Date.now()}@test.invalid`) {
  await t.db.insertInto('users').values({ email, name: 'Drift', password_hash: await hashPassword(TEST_PASSWORD), installation_admin: true }).execute();
  return email;
}

const body = (over: Record<string, unknown> = {}) => ({
  name: 'Aulum Milen', slug: `aulum-${Math.random().toString(36).slice(2, 8)}`, municipalities: ['657'], ageFrom: 18, ageTo: 25,
  coverage: { weekdayEveningStart: '17:00', weekdayEveningEnd: '23:00', weekendStart: '09:00', weekendEnd: '21:00' },
  suppressionThreshold: 7, ...over,
});

describe('the 98 municipalities', () => {
  it('ships all 98 with unique three-digit official codes', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    expect(MUNICIPALITIES.every((m) => /^\d{3}$/.test(m.code))).toBe(true);
    expect(findMunicipality('Herning Kommune')?.code).toBe('657');
    expect(findMunicipality('530')?.name).toBe('Billund');
    expect(findMunicipality('411')).toBeUndefined();
  });
});

describe('from an empty database (CLI)', () => {
  it('creates the first installation administrator with no partnership, then a partnership, then its administrator', async () => {
    expect(await isDatabaseEmpty(t.database)).toBe(true);
    process.env.FODFAESTE_PASSWORD = TEST_PASSWORD;
    await createUser(t.database, { email: 'Drift@Kommune.dk', name: 'Drift', installationAdmin: true });
    // A user and no partnership: start must not load the demo beside a real installation.
    expect(await isDatabaseEmpty(t.database)).toBe(false);
    const lines: string[] = [];
    await partnershipCommand(t.database, ['create', '--name', 'PÅ VEJ', '--slug', 'paa-vej', '--municipality', 'Billund', '--municipality', '630', '--age-to', '29', '--weekend', '10:00-20:00'], (l) => lines.push(l));
    expect(lines[0]).toContain('PÅ VEJ');
    await createUser(t.database, { email: 'admin@paavej.dk', name: 'Admin', role: 'admin', partnershipSlug: 'paa-vej' });
    delete process.env.FODFAESTE_PASSWORD;
    const admin = await t.login('admin@paavej.dk');
    const settings = (await admin.get('/api/partnership/settings')).json();
    expect(settings).toMatchObject({ name: 'PÅ VEJ', slug: 'paa-vej', municipalities: ['530', '630'], ageFrom: 15, ageTo: 29, suppressionThreshold: 5 });
    expect(settings.coverage).toEqual({ weekdayEveningStart: '16:00', weekdayEveningEnd: '22:00', weekendStart: '10:00', weekendEnd: '20:00' });
    // The installation administrator logs in although they belong to no partnership.
    const drift = await t.login('drift@kommune.dk');
    expect((await drift.get('/api/installation/me')).json()).toEqual({ installationAdmin: true });
  });

  it('refuses bad CLI input with a message naming it', async () => {
    expect(() => createBodyFromArgs(['--name', 'X', '--slug', 'x-y'])).toThrow(/--municipality/);
    expect(() => createBodyFromArgs(['--name', 'X', '--slug', 'x-y', '--municipality', 'Atlantis'])).toThrow(/Ukendt kommune "Atlantis"/);
    expect(() => createBodyFromArgs(['--name', 'X', '--slug', 'x-y', '--municipality', '657', '--weekend', '10-22'])).toThrow(/--weekend/);
    expect(() => createBodyFromArgs(['--name', 'Xy', '--slug', 'Store Bogstaver', '--municipality', '657'])).toThrow(/slug/);
    await expect(partnershipCommand(t.database, ['create', '--name', 'Igen', '--slug', 'paa-vej', '--municipality', '530'], () => {})).rejects.toThrow(/bruges allerede/);
    await expect(createUser(t.database, { email: 'x@y.dk', name: 'X', role: 'admin' })).rejects.toThrow(/--partnership/);
  });
});

describe('creating a partnership on the web', () => {
  it('an installation administrator creates one and becomes its first administrator', async () => {
    const drift = await t.login(await makeInstallationAdmin());
    const b = body();
    const res = await drift.post('/api/installation/partnerships', b);
    expect(res.statusCode).toBe(201);
    const id = res.json().partnership.id as string;
    expect((await drift.get('/api/installation/partnerships')).json().partnerships.map((p: { slug: string }) => p.slug)).toContain(b.slug);
    expect((await drift.post('/api/auth/partnership', { partnershipId: id })).json().role).toBe('admin');
    const s = (await drift.get('/api/partnership/settings')).json();
    expect(s).toMatchObject({ name: 'Aulum Milen', municipalities: ['657'], ageFrom: 18, ageTo: 25, suppressionThreshold: 7, coverage: b.coverage, goalCount: 0 });
  });

  it('refuses anyone else, unknown municipalities, a reversed age band and a slug in use', async () => {
    const p = await makePartnership(t.db);
    const admin = await t.login((await makeUser(t.db, p.id, 'admin')).email);
    expect((await admin.post('/api/installation/partnerships', body())).statusCode).toBe(403);
    expect((await admin.get('/api/installation/partnerships')).statusCode).toBe(403);
    expect((await t.anonymous().post('/api/installation/partnerships', body())).statusCode).toBe(401);
    const drift = await t.login(await makeInstallationAdmin());
    const unknown = await drift.post('/api/installation/partnerships', body({ municipalities: ['999'] }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].field).toBe('municipalities');
    const reversed = await drift.post('/api/installation/partnerships', body({ ageFrom: 25, ageTo: 18 }));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0].field).toBe('ageTo');
    const first = body();
    expect((await drift.post('/api/installation/partnerships', first)).statusCode).toBe(201);
    const again = await drift.post('/api/installation/partnerships', body({ slug: first.slug }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain(first.slug);
    expect((await drift.post('/api/installation/partnerships', body({ suppressionThreshold: 1 }))).statusCode).toBe(400);
    const badGoals = await drift.post('/api/installation/partnerships', body({ goals: [{ id: 'x', kind: 'count', title: 'X', target: 3, entity: 'placements', from: '2027-01-01', to: '2026-01-01' }] }));
    expect(badGoals.statusCode).toBe(400);
    expect(badGoals.json().error.fields[0].field).toBe('goals');
  });
});

describe('Indstillinger for partnerskabet', () => {
  it('the administrator changes the settings; a counsellor may not', async () => {
    const p = await makePartnership(t.db);
    const admin = await t.login((await makeUser(t.db, p.id, 'admin')).email);
    const counsellor = await t.login((await makeUser(t.db, p.id, 'counsellor')).email);
    const next = { name: 'Nyt navn', slug: `nyt-${Date.now()}`, municipalities: ['657', '756'], ageFrom: 16, ageTo: 30, coverage: { weekdayEveningStart: '15:00', weekdayEveningEnd: '21:00', weekendStart: '11:00', weekendEnd: '19:00' }, suppressionThreshold: 4 };
    const res = await admin.put('/api/partnership/settings', next);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject(next);
    expect((await admin.get('/api/partnership/settings')).json()).toMatchObject(next);
    // The reports use the new threshold, the lifeline the new hours.
    const rs = await t.db.selectFrom('report_settings').select('suppression_threshold').where('partnership_id', '=', p.id).executeTakeFirstOrThrow();
    expect(rs.suppression_threshold).toBe(4);
    expect((await counsellor.get('/api/partnership/settings')).statusCode).toBe(403);
    expect((await counsellor.put('/api/partnership/settings', next)).statusCode).toBe(403);
    const bad = await admin.put('/api/partnership/settings', { ...next, coverage: { ...next.coverage, weekendEnd: '25:00' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the setup checklist', () => {
  it('ticks each step from the data', async () => {
    const drift = await t.login(await makeInstallationAdmin());
    const id = (await drift.post('/api/installation/partnerships', body())).json().partnership.id as string;
    await drift.post('/api/auth/partnership', { partnershipId: id });
    const before = (await drift.get('/api/partnership/checklist')).json();
    expect(before.complete).toBe(false);
    expect(before.steps.map((s: { key: string }) => s.key)).toEqual(['counsellor', 'companies', 'lifeline', 'activities', 'goals', 'catalog']);
    expect(before.steps.find((s: { key: string }) => s.key === 'counsellor').done).toBe(false);
    expect(before.steps.find((s: { key: string }) => s.key === 'counsellor').href).toBe('/admin/users');
    await makeUser(t.db, id, 'counsellor');
    await t.db.insertInto('companies').values({ partnership_id: id, name: 'Tømrer Hansen', membership: 'network_member', kind: 'both' }).execute();
    const after = (await drift.get('/api/partnership/checklist')).json();
    const done = Object.fromEntries(after.steps.map((s: { key: string; done: boolean }) => [s.key, s.done]));
    expect(done).toMatchObject({ counsellor: true, companies: true, lifeline: false, activities: false, goals: false });
    const counsellor = await t.login((await makeUser(t.db, id, 'counsellor')).email);
    expect((await counsellor.get('/api/partnership/checklist')).statusCode).toBe(403);
  });
});
