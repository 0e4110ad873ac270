import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestAppWithMail, type TestAppWithMail, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { inviteTokenIn } from '../reminders/test-receivers.ts';
import { lix } from '../youth/lix.ts';
import { mentorInviteText } from './mentor-invite.ts';

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
const newMentor = async (name: string, kind = 'volunteer') => (await counsellor.post('/api/mentors', { kind, name })).json() as { id: string };

describe('a volunteer mentor gets a login by e-mail', () => {
  it('mails a one-time link; the mentor chooses a password, lands on the mentee page and can answer a network invitation', async () => {
    const mentor = await newMentor('Mette Mentor');
    const res = await counsellor.post(`/api/mentors/${mentor.id}/login`, { email: 'Mette@Frivillig.invalid' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mentorId: mentor.id, email: 'mette@frivillig.invalid', sentTo: 'mette@frivillig.invalid', expiresAt: expect.any(String) });
    const mail = mailTo('mette@frivillig.invalid')!;
    expect(mail.subject).toBe('Du er inviteret til Fodfæste som mentor');
    expect(mail.text).toContain('Hej Mette Mentor');
    const token = inviteTokenIn(mail.text)!;
    expect(token).toBeDefined();
    const stored = await t.db.selectFrom('login_invites').selectAll().where('subject_id', '=', mentor.id).execute();
    expect(stored.map((s) => s.purpose)).toEqual(['volunteer_mentor']);
    expect(JSON.stringify(stored)).not.toContain(token);
    // The profile now shows the login; a second "give login" is refused.
    expect((await counsellor.get(`/api/mentors/${mentor.id}`)).json().userId).toBe(res.json().userId);
    expect((await counsellor.post(`/api/mentors/${mentor.id}/login`, { email: 'andet@frivillig.invalid' })).statusCode).toBe(409);

    const ok = await t.anonymous().post('/api/invites/accept', { token, password: 'Kaffe-og-kage-19' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ email: 'mette@frivillig.invalid', landing: '/mentees' });
    const mette = await t.login('mette@frivillig.invalid', 'Kaffe-og-kage-19');
    expect((await mette.get('/api/auth/session')).json().role).toBe('volunteer_mentor');
    expect((await mette.get('/api/mentors/me')).json().id).toBe(mentor.id);

    // The counsellor invites her to a network event; she sees only her own invitation and answers.
    const created = await counsellor.post('/api/network/events', { title: 'Mentorcafé', kind: 'network_meeting', startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString() });
    expect(created.statusCode).toBe(201);
    const ev = created.json() as { id: string };
    const other = await newMentor('Anden Mentor');
    await counsellor.post(`/api/network/events/${ev.id}/invitations`, { mentorIds: [mentor.id, other.id] });
    const list = (await mette.get('/api/network/events')).json() as { id: string; myInvitation: { rsvp: string } | null }[];
    expect(list.map((e) => e.id)).toEqual([ev.id]);
    expect(list[0].myInvitation?.rsvp).toBe('pending');
    expect(JSON.stringify(list)).not.toContain('Anden Mentor');
    const answer = await mette.post(`/api/network/events/${ev.id}/rsvp`, { rsvp: 'yes' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json().myInvitation.rsvp).toBe('yes');
    const detail = (await counsellor.get(`/api/network/events/${ev.id}`)).json() as { invitations: { name: string; rsvp: string }[] };
    expect(detail.invitations.find((i) => i.name === 'Mette Mentor')?.rsvp).toBe('yes');
    expect(detail.invitations.find((i) => i.name === 'Anden Mentor')?.rsvp).toBe('pending');
  });

  it('a new link voids the earlier one; a mentor without a login gets no link', async () => {
    const mentor = await newMentor('Ole Frivillig');
    expect((await counsellor.post(`/api/mentors/${mentor.id}/invite`)).statusCode).toBe(409);
    await counsellor.post(`/api/mentors/${mentor.id}/login`, { email: 'ole@frivillig.invalid' });
    const first = inviteTokenIn(mailTo('ole@frivillig.invalid')!.text)!;
    expect((await counsellor.post(`/api/mentors/${mentor.id}/invite`)).statusCode).toBe(200);
    const second = inviteTokenIn(mailTo('ole@frivillig.invalid')!.text)!;
    expect(second).not.toBe(first);
    expect((await t.anonymous().post('/api/invites/accept', { token: first, password: 'Kaffe-og-kage-19' })).statusCode).toBe(400);
    expect((await t.anonymous().post('/api/invites/accept', { token: second, password: 'Kaffe-og-kage-19' })).statusCode).toBe(200);
  });

  it('someone with a password gets a notice; an e-mail with another role in the network and a company mentor are refused', async () => {
    const existing = await makeUser(t.db, (await makePartnership(t.db)).id, 'volunteer_mentor');
    const res = await counsellor.post(`/api/mentors/${(await newMentor('Per Erfaren')).id}/login`, { email: existing.email });
    expect(res.json()).toMatchObject({ sentTo: existing.email, expiresAt: null });
    expect(mailTo(existing.email)!.text).toContain('den kode, du har i forvejen');
    expect(inviteTokenIn(mailTo(existing.email)!.text)).toBeUndefined();

    const colleague = await makeUser(t.db, pid, 'counsellor');
    const clash = await counsellor.post(`/api/mentors/${(await newMentor('Kim Kollega')).id}/login`, { email: colleague.email });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toContain('anden rolle');
    expect(mailTo(colleague.email)).toBeUndefined();
  });

  it('refuses another network\'s counsellor (404) and a mentor or company contact (403), and sends nothing', async () => {
    const mentor = await newMentor('Bo Beskyttet');
    const stranger = await t.login((await makeUser(t.db, (await makePartnership(t.db)).id, 'counsellor')).email);
    expect((await stranger.post(`/api/mentors/${mentor.id}/login`, { email: 'bo@frivillig.invalid' })).statusCode).toBe(404);
    for (const role of ['volunteer_mentor', 'company_contact'] as const) {
      const client = await t.login((await makeUser(t.db, pid, role)).email);
      expect((await client.post(`/api/mentors/${mentor.id}/login`, { email: 'bo@frivillig.invalid' })).statusCode).toBe(403);
      expect((await client.post(`/api/mentors/${mentor.id}/invite`)).statusCode).toBe(403);
    }
    expect((await counsellor.post(`/api/mentors/${mentor.id}/login`, { email: 'ikke-en-mail' })).statusCode).toBe(400);
    expect(mailTo('bo@frivillig.invalid')).toBeUndefined();
    expect((await counsellor.get(`/api/mentors/${mentor.id}`)).json().userId).toBeNull();
  });

  it('the invitation e-mail is plain Danish (LIX at most 35, as for the young person\'s)', () => {
    const r = lix(mentorInviteText('Mette', '').split('\n').map((x) => x.trim()).filter(Boolean));
    console.info(`LIX mentor invite mail: ${r.lix.toFixed(1)} (${r.words} words)`);
    expect(r.lix).toBeLessThanOrEqual(35);
  });
});
