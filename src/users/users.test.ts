import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppWithMail, type TestAppWithMail, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { inviteTokenIn } from '../reminders/test-receivers.ts';
import type { UserList, UserSummary } from './schemas.ts';

let t: TestAppWithMail;
let pid: string;
let otherPid: string;
let adminUser: { id: string; email: string };
let admin: TestClient;

beforeAll(async () => {
  t = await createTestAppWithMail();
  pid = (await makePartnership(t.db, 'Herning Netværk')).id;
  otherPid = (await makePartnership(t.db)).id;
  adminUser = await makeUser(t.db, pid, 'admin', 'Anne Admin');
  admin = await t.login(adminUser.email);
});
afterAll(() => t.close());

const mailTo = (email: string) => t.smtp.lastTo(email);
const list = async () => ((await admin.get('/api/users')).json() as UserList).users;

describe('an administrator sees and invites the partnership\'s staff', () => {
  it('lists the partnership\'s users with role, active and last login; not young people, not other partnerships', async () => {
    const c = await makeUser(t.db, pid, 'counsellor', 'Carl Vejleder');
    await t.login(c.email);
    const yp = await makeUser(t.db, pid, 'young_person', 'Ung Person');
    const foreign = await makeUser(t.db, otherPid, 'counsellor', 'Fremmed Vejleder');
    const users = await list();
    const carl = users.find((u) => u.id === c.id)!;
    expect(carl).toMatchObject({ name: 'Carl Vejleder', email: c.email, role: 'counsellor', active: true, passwordSet: true });
    expect(Date.now() - new Date(carl.lastLoginAt!).getTime()).toBeLessThan(60_000);
    expect(users.map((u) => u.id)).toContain(adminUser.id);
    expect(users.map((u) => u.id)).not.toContain(yp.id);
    expect(users.map((u) => u.id)).not.toContain(foreign.id);
  });

  it('creates a counsellor, mails the one-time link; the new counsellor chooses a password and logs in', async () => {
    const res = await admin.post('/api/users', { name: 'Nina Ny', email: 'Nina.Ny@Kommune.invalid', role: 'counsellor' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sentTo: 'nina.ny@kommune.invalid', user: { name: 'Nina Ny', role: 'counsellor', active: true, passwordSet: false, lastLoginAt: null } });
    const mail = mailTo('nina.ny@kommune.invalid')!;
    expect(mail.subject).toBe('Du er inviteret til Fodfæste');
    expect(mail.text).toContain('Hej Nina Ny');
    expect(mail.text).toContain('Herning Netværk');
    const token = inviteTokenIn(mail.text)!;
    expect(token).toBeDefined();
    const accepted = await t.anonymous().post('/api/invites/accept', { token, password: 'Kaffe-og-kage-19' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toEqual({ email: 'nina.ny@kommune.invalid', landing: '/' });
    const nina = await t.login('nina.ny@kommune.invalid', 'Kaffe-og-kage-19');
    expect((await nina.get('/api/auth/session')).json().role).toBe('counsellor');
    expect((await list()).find((u) => u.email === 'nina.ny@kommune.invalid')?.passwordSet).toBe(true);
  });

  it('sends an invited person a new link that voids the old one; refused once the password is chosen', async () => {
    const created = (await admin.post('/api/users', { name: 'Per Glemsom', email: 'per@kommune.invalid', role: 'steering_group' })).json() as { user: UserSummary };
    const first = inviteTokenIn(mailTo('per@kommune.invalid')!.text)!;
    const again = await admin.post(`/api/users/${created.user.id}/invite`);
    expect(again.statusCode).toBe(200);
    const second = inviteTokenIn(mailTo('per@kommune.invalid')!.text)!;
    expect(second).not.toBe(first);
    const stale = await t.anonymous().post('/api/invites/accept', { token: first, password: 'Kaffe-og-kage-19' });
    expect(stale.statusCode).toBe(400);
    // Staff ask an administrator, not "your counsellor", for a new link.
    expect(stale.json().error.message).toBe('Linket virker ikke længere. Bed en administrator om et nyt link.');
    expect((await t.anonymous().post('/api/invites/accept', { token: second, password: 'Kaffe-og-kage-19' })).statusCode).toBe(200);
    const after = await admin.post(`/api/users/${created.user.id}/invite`);
    expect(after.statusCode).toBe(409);
    expect(after.json().error.message).toMatch(/allerede valgt en kode/);
  });

  it('refuses an e-mail that already has a login (409), and nothing is created or mailed', async () => {
    const sent = t.smtp.received.length;
    const res = await admin.post('/api/users', { name: 'Dobbelt', email: adminUser.email.toUpperCase(), role: 'steering_group' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/findes allerede/);
    expect(t.smtp.received.length).toBe(sent);
    expect((await admin.post('/api/users', { name: 'Ung', email: 'ung@x.invalid', role: 'young_person' })).statusCode).toBe(400);
  });
});

describe('changing role and deactivating', () => {
  it('a role change ends the user\'s sessions; the new role applies on next login', async () => {
    const u = await makeUser(t.db, pid, 'counsellor');
    const client = await t.login(u.email);
    const res = await admin.patch(`/api/users/${u.id}`, { role: 'steering_group' });
    expect(res.statusCode).toBe(200);
    expect((res.json() as UserSummary).role).toBe('steering_group');
    expect((await client.get('/api/auth/session')).statusCode).toBe(401);
    expect((await (await t.login(u.email)).get('/api/auth/session')).json().role).toBe('steering_group');
    const audited = await t.db.selectFrom('audit_log').select(['action', 'subject_kind', 'user_id']).where('subject_id', '=', u.id).execute();
    expect(audited).toContainEqual({ action: 'change', subject_kind: 'user', user_id: adminUser.id });
  });

  it('a deactivated user\'s open session stops at once and they cannot log in; reactivated they can', async () => {
    const u = await makeUser(t.db, pid, 'counsellor', 'Lise Leaver');
    const client = await t.login(u.email);
    expect((await client.get('/api/youth')).statusCode).toBe(200);
    const res = await admin.patch(`/api/users/${u.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ active: false });
    expect((await client.get('/api/youth')).statusCode).toBe(401);
    const login = await t.anonymous().post('/api/auth/login', { email: u.email, password: 'Rigtig-god-kode-42' });
    expect(login.statusCode).toBe(401);
    expect((await admin.patch(`/api/users/${u.id}`, { active: true })).json()).toMatchObject({ active: true });
    expect((await t.anonymous().post('/api/auth/login', { email: u.email, password: 'Rigtig-god-kode-42' })).statusCode).toBe(200);
  });

  it('keeps "Sidst logget ind" after a deactivation ends the user\'s sessions (#21)', async () => {
    const u = await makeUser(t.db, pid, 'counsellor', 'Lotte Logget');
    await t.login(u.email);
    const before = (await list()).find((x) => x.id === u.id)!;
    expect(before.lastLoginAt).not.toBeNull();
    expect((await admin.patch(`/api/users/${u.id}`, { active: false })).statusCode).toBe(200);
    const after = (await list()).find((x) => x.id === u.id)!;
    expect(after).toMatchObject({ active: false, lastLoginAt: before.lastLoginAt });
  });

  it('an administrator cannot deactivate or demote themself (400, in Danish), and nothing changes', async () => {
    const off = await admin.patch(`/api/users/${adminUser.id}`, { active: false });
    expect(off.statusCode).toBe(400);
    expect(off.json().error.message).toBe('Du kan ikke deaktivere dig selv. Bed en anden administrator om det.');
    const demote = await admin.patch(`/api/users/${adminUser.id}`, { role: 'counsellor' });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().error.message).toMatch(/egen administratorrolle/);
    expect((await admin.get('/api/auth/session')).json().role).toBe('admin');
  });

  it('the change is one transaction: a refused deactivation leaves the role change undone too', async () => {
    const u = await makeUser(t.db, pid, 'counsellor');
    await t.db.insertInto('memberships').values({ user_id: u.id, partnership_id: otherPid, role: 'counsellor' }).execute();
    const res = await admin.patch(`/api/users/${u.id}`, { role: 'admin', active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/andet netværk/);
    expect((await list()).find((x) => x.id === u.id)).toMatchObject({ role: 'counsellor', active: true });
  });

  it('refuses a counsellor (403), another partnership\'s user and a young person (404)', async () => {
    const counsellor = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
    const target = await makeUser(t.db, pid, 'counsellor');
    expect((await counsellor.get('/api/users')).statusCode).toBe(403);
    expect((await counsellor.post('/api/users', { name: 'Snyd', email: 'snyd@x.invalid', role: 'admin' })).statusCode).toBe(403);
    expect((await counsellor.patch(`/api/users/${target.id}`, { role: 'admin' })).statusCode).toBe(403);
    const foreign = await makeUser(t.db, otherPid, 'counsellor');
    expect((await admin.patch(`/api/users/${foreign.id}`, { active: false })).statusCode).toBe(404);
    const yp = await makeUser(t.db, pid, 'young_person');
    expect((await admin.patch(`/api/users/${yp.id}`, { active: false })).statusCode).toBe(404);
    const still = await t.db.selectFrom('users').select('active').where('id', 'in', [foreign.id, yp.id]).execute();
    expect(still.every((s) => s.active)).toBe(true);
  });

  it('a company contact can be deactivated but not given a staff role here', async () => {
    const cc = await makeUser(t.db, pid, 'company_contact');
    const res = await admin.patch(`/api/users/${cc.id}`, { role: 'admin' });
    expect(res.statusCode).toBe(400);
    expect((await admin.patch(`/api/users/${cc.id}`, { active: false })).statusCode).toBe(200);
  });
});
