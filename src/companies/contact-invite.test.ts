import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppWithMail, type TestAppWithMail, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { inviteTokenIn } from '../reminders/test-receivers.ts';
import { makeCompany, makeCompanyContact } from './testkit.ts';

let t: TestAppWithMail;
let pid: string;
let counsellor: TestClient;

beforeAll(async () => {
  t = await createTestAppWithMail();
  pid = (await makePartnership(t.db)).id;
  counsellor = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
});
afterAll(() => t.close());

const mailTo = (email: string) => t.smtp.lastTo(email);

async function contactWithEmail(name: string, email: string) {
  const c = await makeCompany(t.db, pid, `${name}s Firma`);
  const contact = (await counsellor.post(`/api/companies/${c.id}/contacts`, { name, email })).json();
  return { company: c, contact };
}

describe('a company contact person gets a login by e-mail', () => {
  it('mails a one-time link; the contact chooses a password, logs in as company contact and starts on the employer view', async () => {
    const { company, contact } = await contactWithEmail('Lone', 'lone@firma.invalid');
    const res = await counsellor.post(`/api/companies/${company.id}/contacts/${contact.id}/login`, { email: 'lone@firma.invalid' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ hasLogin: true, sentTo: 'lone@firma.invalid', expiresAt: expect.any(String) });
    const mail = mailTo('lone@firma.invalid')!;
    expect(mail.subject).toBe(`Du er inviteret til Fodfæste for ${company.name}`);
    expect(mail.text).toContain('Linket virker i 3 dage og kun én gang.');
    const token = inviteTokenIn(mail.text)!;
    expect(token).toBeDefined();
    // Only a hash is stored.
    const stored = await t.db.selectFrom('login_invites').selectAll().where('subject_id', '=', contact.id).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].purpose).toBe('company_contact');
    expect(JSON.stringify(stored)).not.toContain(token);

    // Not logged in yet: no password.
    expect((await t.anonymous().post('/api/auth/login', { email: 'lone@firma.invalid', password: 'Kaffe-og-kage-19' })).statusCode).toBe(401);
    const weak = await t.anonymous().post('/api/invites/accept', { token, password: 'kort' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields[0].field).toBe('password');
    const ok = await t.anonymous().post('/api/invites/accept', { token, password: 'Kaffe-og-kage-19' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ email: 'lone@firma.invalid', landing: '/employer' });
    expect((await t.anonymous().post('/api/invites/accept', { token, password: 'Kaffe-og-kage-20' })).statusCode).toBe(400);

    const lone = await t.login('lone@firma.invalid', 'Kaffe-og-kage-19');
    const session = (await lone.get('/api/auth/session')).json();
    expect(session.role).toBe('company_contact');
    const home = await lone.get('/api/employer');
    expect(home.statusCode).toBe(200);
    expect(home.json().company.name).toBe(company.name);
  });

  it('a new link voids the earlier one; a contact without a login gets no link', async () => {
    const { company, contact } = await contactWithEmail('Ole', 'ole@firma.invalid');
    expect((await counsellor.post(`/api/companies/${company.id}/contacts/${contact.id}/invite`)).statusCode).toBe(409);
    await counsellor.post(`/api/companies/${company.id}/contacts/${contact.id}/login`, { email: 'ole@firma.invalid' });
    const first = inviteTokenIn(mailTo('ole@firma.invalid')!.text)!;
    const again = await counsellor.post(`/api/companies/${company.id}/contacts/${contact.id}/invite`);
    expect(again.statusCode).toBe(200);
    const second = inviteTokenIn(mailTo('ole@firma.invalid')!.text)!;
    expect(second).not.toBe(first);
    expect((await t.anonymous().post('/api/invites/accept', { token: first, password: 'Kaffe-og-kage-19' })).statusCode).toBe(400);
    expect((await t.anonymous().post('/api/invites/accept', { token: second, password: 'Kaffe-og-kage-19' })).statusCode).toBe(200);
  });

  it('someone who already has a password gets a notice, no link', async () => {
    const existing = await makeUser(t.db, (await makePartnership(t.db)).id, 'company_contact');
    const { company, contact } = await contactWithEmail('Per', existing.email);
    const res = await counsellor.post(`/api/companies/${company.id}/contacts/${contact.id}/login`, { email: existing.email });
    expect(res.json()).toMatchObject({ sentTo: existing.email, expiresAt: null });
    const mail = mailTo(existing.email)!;
    expect(mail.text).toContain('den kode, du har i forvejen');
    expect(inviteTokenIn(mail.text)).toBeUndefined();
  });

  it('refuses another network\'s counsellor (404) and a company contact (403), and sends nothing', async () => {
    const { company, contact } = await contactWithEmail('Bo', 'bo@firma.invalid');
    const stranger = await t.login((await makeUser(t.db, (await makePartnership(t.db)).id, 'counsellor')).email);
    expect((await stranger.post(`/api/companies/${company.id}/contacts/${contact.id}/login`, { email: 'bo@firma.invalid' })).statusCode).toBe(404);
    // A contact id from another company, through a company the counsellor may edit: not found either.
    const elsewhere = await contactWithEmail('Eva', 'eva@firma.invalid');
    expect((await counsellor.post(`/api/companies/${company.id}/contacts/${elsewhere.contact.id}/login`, { email: 'eva@firma.invalid' })).statusCode).toBe(404);
    const otherContact = await t.login((await makeCompanyContact(t.db, pid, elsewhere.company.id)).email);
    expect((await otherContact.post(`/api/companies/${company.id}/contacts/${contact.id}/login`, { email: 'bo@firma.invalid' })).statusCode).toBe(403);
    expect((await otherContact.post(`/api/companies/${company.id}/contacts/${contact.id}/invite`)).statusCode).toBe(403);
    expect(mailTo('bo@firma.invalid')).toBeUndefined();
    expect(mailTo('eva@firma.invalid')).toBeUndefined();
  });
});
