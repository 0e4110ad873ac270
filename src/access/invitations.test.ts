import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { inviteTokenIn, startSmsReceiver, startSmtpReceiver, TEST_PUBLIC_URL, waitFor } from '../reminders/test-receivers.ts';

/** Every invitation can be handed over as a one-time link (copy or QR code), sent by SMS, or mailed. */
let t: TestApp;
let sms: Awaited<ReturnType<typeof startSmsReceiver>>;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let admin: TestClient;
let counsellor: TestClient;
let pid: string;
let counsellorId: string;

beforeAll(async () => {
  sms = await startSmsReceiver();
  smtp = await startSmtpReceiver();
  t = await createTestApp({ PUBLIC_URL: TEST_PUBLIC_URL });
  pid = (await makePartnership(t.db)).id;
  admin = await t.login((await makeUser(t.db, pid, 'admin')).email);
  const cu = await makeUser(t.db, pid, 'counsellor');
  counsellorId = cu.id;
  counsellor = await t.login(cu.email);
});
afterAll(async () => {
  await t.close();
  await sms.close();
  await smtp.close();
});
// The routes read the live config: each test says which transports are set up.
beforeEach(() => {
  t.config.SMTP_URL = undefined;
  t.config.SMS_URL = undefined;
});

const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const newStaff = (over: Record<string, unknown> = {}) => ({ name: 'Vera Vejleder', email: `vera.${Math.random().toString(36).slice(2)}@test.invalid`, role: 'counsellor', ...over });

describe('without SMTP the inviter gets the link, once', () => {
  it('a staff invitation returns a single-use 72-hour link stored only as a hash', async () => {
    const res = await admin.post('/api/users', newStaff());
    expect(res.statusCode).toBe(201);
    const out = res.json();
    expect(out.channel).toBe('link');
    const token = inviteTokenIn(out.link)!;
    expect(token).toBeTruthy();
    const hours = (new Date(out.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    const rows = await t.db.selectFrom('login_invites').select(['token_hash', 'channel']).where('subject_id', '=', out.user.id).execute();
    expect(rows).toEqual([{ token_hash: hash(token), channel: 'link' }]);
    expect(JSON.stringify(rows)).not.toContain(token);
    // The person chooses a password with it, once.
    const accept = await t.anonymous().post('/api/invites/accept', { token, password: 'Min egen gode kode 2027' });
    expect(accept.statusCode).toBe(200);
    expect((await t.anonymous().post('/api/invites/accept', { token, password: 'En anden god kode 2027' })).statusCode).toBe(400);
    await t.login(out.user.email, 'Min egen gode kode 2027');
    // A list of users never shows the link again.
    expect((await admin.get('/api/users')).body).not.toContain(token);
  });

  it('an expired link is refused', async () => {
    const out = (await admin.post('/api/users', newStaff())).json();
    await t.db.updateTable('login_invites').set({ expires_at: new Date(Date.now() - 1000) }).where('subject_id', '=', out.user.id).execute();
    const res = await t.anonymous().post('/api/invites/accept', { token: inviteTokenIn(out.link)!, password: 'Min egen gode kode 2027' });
    expect(res.statusCode).toBe(400);
  });

  it('refuses e-mail and SMS when they are not set up, naming the field', async () => {
    const mail = await admin.post('/api/users', newStaff({ channel: 'email' }));
    expect(mail.statusCode).toBe(400);
    expect(mail.json().error.fields[0].field).toBe('channel');
    const text = await admin.post('/api/users', newStaff({ channel: 'sms', phone: '20 30 40 50' }));
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message).toContain('SMS');
    // Nothing half-made: the refused invitation left no user behind.
    expect((await admin.get('/api/users')).json().users.filter((u: { name: string }) => u.name === 'Vera Vejleder').length).toBe(2);
  });

  it('young person, company contact and mentor invitations hand over a link too', async () => {
    const yp = await makeYoungPerson(t.db, pid, { counsellorId });
    await t.db.updateTable('young_people').set({ email: `ung.${Date.now()}@test.invalid` }).where('id', '=', yp.id).execute();
    const youth = await counsellor.post(`/api/youth/${yp.id}/invite`);
    expect(youth.statusCode).toBe(201);
    expect(youth.json()).toMatchObject({ channel: 'link', sentTo: '' });
    expect(inviteTokenIn(youth.json().link)).toBeTruthy();

    const company = await t.db.insertInto('companies').values({ partnership_id: pid, name: 'Tømrer Hansen', membership: 'network_member', kind: 'both' }).returning('id').executeTakeFirstOrThrow();
    const contact = await t.db.insertInto('company_contacts').values({ partnership_id: pid, company_id: company.id, name: 'Karin Kontakt' }).returning('id').executeTakeFirstOrThrow();
    const c = await counsellor.post(`/api/companies/${company.id}/contacts/${contact.id}/login?channel=link`, { email: `karin.${Date.now()}@test.invalid` });
    expect(c.statusCode).toBe(200);
    expect(c.json().channel).toBe('link');
    expect(inviteTokenIn(c.json().link)).toBeTruthy();

    const mentor = await t.db.insertInto('mentors').values({ partnership_id: pid, kind: 'volunteer', name: 'Mads Mentor' }).returning('id').executeTakeFirstOrThrow();
    const m = await counsellor.post(`/api/mentors/${mentor.id}/login`, { email: `mads.${Date.now()}@test.invalid` });
    expect(m.statusCode).toBe(200);
    expect(m.json().channel).toBe('link');
    const token = inviteTokenIn(m.json().link)!;
    // A new link voids the earlier one.
    const again = await counsellor.post(`/api/mentors/${mentor.id}/invite`);
    expect(inviteTokenIn(again.json().link)).not.toBe(token);
    expect((await t.anonymous().post('/api/invites/accept', { token, password: 'Min egen gode kode 2027' })).statusCode).toBe(400);
    expect((await counsellor.post(`/api/mentors/${mentor.id}/invite?channel=fax`)).statusCode).toBe(400);
  });
});

describe('by SMS when SMS_URL is set', () => {
  it('sends the link to the phone on file and keeps it out of the answer', async () => {
    t.config.SMS_URL = sms.url;
    const res = await admin.post('/api/users', newStaff({ channel: 'sms', phone: '+45 20 30 40 50' }));
    expect(res.statusCode).toBe(201);
    const out = res.json();
    expect(out).toMatchObject({ channel: 'sms', sentTo: '+45 20 30 40 50' });
    expect(out.link).toBeUndefined();
    const got = sms.received.at(-1)!;
    expect(got.to).toBe('+45 20 30 40 50');
    const token = inviteTokenIn(got.text)!;
    expect((await t.anonymous().post('/api/invites/accept', { token, password: 'Min egen gode kode 2027' })).statusCode).toBe(200);
  });

  it('asks for a phone number when there is none', async () => {
    t.config.SMS_URL = sms.url;
    const res = await admin.post('/api/users', newStaff({ channel: 'sms' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].field).toBe('phone');
  });

  it('a provider failure answers 503 and leaves nothing behind', async () => {
    t.config.SMS_URL = sms.url;
    sms.state.failNext = 1;
    const staff = newStaff({ channel: 'sms', phone: '20304050' });
    const res = await admin.post('/api/users', staff);
    expect(res.statusCode).toBe(503);
    expect(await t.db.selectFrom('users').select('id').where('email', '=', staff.email).executeTakeFirst()).toBeUndefined();
  });
});

describe('e-mail stays the default when SMTP_URL is set', () => {
  it('mails the link and does not return it', async () => {
    t.config.SMTP_URL = smtp.url;
    const staff = newStaff();
    const out = (await admin.post('/api/users', staff)).json();
    expect(out).toMatchObject({ channel: 'email', sentTo: staff.email });
    expect(out.link).toBeUndefined();
    await waitFor(() => Boolean(smtp.lastTo(staff.email)));
    expect(inviteTokenIn(smtp.lastTo(staff.email)!.text)).toBeTruthy();
    // …and the administrator may still choose to hand over a link.
    const re = await admin.post(`/api/users/${out.user.id}/invite?channel=link`);
    expect(re.json().channel).toBe('link');
  });
});
