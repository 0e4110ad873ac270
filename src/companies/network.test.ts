import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';
import { makeCompany, makeCompanyContact, makeOpening, makePlacement } from './testkit.ts';

let t: TestApp;
let pid: string;
let counsellor: TestClient;
let contact: TestClient;
let outsider: TestClient;
let company: { id: string };
let other: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db)).id;
  counsellor = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
  company = await makeCompany(t.db, pid, 'Inviteret ApS');
  other = await makeCompany(t.db, pid, 'Ikke inviteret ApS');
  contact = await t.login((await makeCompanyContact(t.db, pid, company.id)).email);
  outsider = await t.login((await makeCompanyContact(t.db, pid, other.id, 'Anden')).email);
});
afterAll(() => t.close());

describe('network events', () => {
  it('creates an event, invites a company, takes its RSVP and attendance, and records jobs created', async () => {
    const created = await counsellor.post('/api/network/events', { title: 'Jobfestival i hallen', kind: 'job_festival', startsAt: '2026-03-10T16:00:00Z', location: 'Aulum Hallen' });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const invited = await counsellor.post(`/api/network/events/${id}/invitations`, { companyIds: [company.id] });
    expect(invited.json().invited).toBe(1);
    // The invited company sees it and answers; the other company does not see it at all.
    expect((await contact.get('/api/network/events')).json().map((e: { id: string }) => e.id)).toEqual([id]);
    expect((await outsider.get(`/api/network/events/${id}`)).statusCode).toBe(404);
    expect((await outsider.post(`/api/network/events/${id}/rsvp`, { rsvp: 'yes' })).statusCode).toBe(404);
    const rsvp = await contact.post(`/api/network/events/${id}/rsvp`, { rsvp: 'yes' });
    expect(rsvp.json()).toMatchObject({ yes: 1, myInvitation: { rsvp: 'yes' } });
    const detail = (await counsellor.get(`/api/network/events/${id}`)).json();
    await counsellor.post(`/api/network/events/${id}/attendance`, { entries: [{ invitationId: detail.invitations[0].id, attended: true }] });
    const done = (await counsellor.patch(`/api/network/events/${id}`, { jobsCreated: 72 })).json();
    expect(done).toMatchObject({ jobsCreated: 72, attended: 1 });
    const history = (await counsellor.get(`/api/companies/${company.id}/events`)).json();
    expect(history).toEqual([expect.objectContaining({ title: 'Jobfestival i hallen', rsvp: 'yes', attended: true })]);
    // Only the team creates events.
    expect((await contact.post('/api/network/events', { title: 'x', kind: 'other', startsAt: '2026-03-10T16:00:00Z' })).statusCode).toBe(403);
  });
});

describe('success stories', () => {
  it('shows a story to the network only with the young person\'s consent for it; withdrawal hides it at once', async () => {
    const yp = await makeYoungPerson(t.db, pid);
    const o = await makeOpening(t.db, pid, company.id);
    const p = await makePlacement(t.db, { partnershipId: pid, youngPersonId: yp.id, companyId: company.id, openingId: o.id, startDate: '2026-01-05' });
    const story = await counsellor.post('/api/network/stories', { placementId: p.id, title: 'Fra snusepraktik til fast job', body: 'Det startede med én dag om ugen på lageret …' });
    expect(story.statusCode).toBe(201);
    expect(story.json().shared).toBe(false);
    const id = story.json().id;
    expect((await outsider.get('/api/network/stories')).json()).toEqual([]);
    await counsellor.post(`/api/network/stories/${id}/consent`, { granted: true });
    const seen = (await outsider.get('/api/network/stories')).json();
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toHaveProperty('youngPersonId');
    await counsellor.post(`/api/network/stories/${id}/consent`, { granted: false });
    expect((await outsider.get('/api/network/stories')).json()).toEqual([]);
    expect((await counsellor.get('/api/network/stories')).json()[0]).toMatchObject({ id, shared: false });
  });
});

describe('refusals across networks and companies', () => {
  it('another network\'s counsellor cannot see, change, invite to or take attendance for an event (404); no foreign company can be invited', async () => {
    const id = (await counsellor.post('/api/network/events', { title: 'Morgenmøde', kind: 'network_meeting', startsAt: '2026-04-01T07:30:00Z' })).json().id;
    const invited = (await counsellor.post(`/api/network/events/${id}/invitations`, { companyIds: [company.id] })).json();
    const p2 = (await makePartnership(t.db)).id;
    const stranger = await t.login((await makeUser(t.db, p2, 'counsellor')).email);
    const foreign = await makeCompany(t.db, p2, 'Fremmed ApS');
    expect((await stranger.get('/api/network/events')).json()).toEqual([]);
    expect((await stranger.get(`/api/network/events/${id}`)).statusCode).toBe(404);
    expect((await stranger.patch(`/api/network/events/${id}`, { jobsCreated: 5 })).statusCode).toBe(404);
    expect((await stranger.post(`/api/network/events/${id}/invitations`, { companyIds: [foreign.id] })).statusCode).toBe(404);
    const att = await stranger.post(`/api/network/events/${id}/attendance`, { entries: [{ invitationId: invited.invitations[0].id, attended: true }] });
    expect(att.statusCode).toBe(404);
    expect((await stranger.get(`/api/companies/${company.id}/events`)).statusCode).toBe(404);
    // Our own counsellor cannot invite the other network's company either.
    const refused = await counsellor.post(`/api/network/events/${id}/invitations`, { companyIds: [foreign.id] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toBe('En eller flere virksomheder findes ikke i netværket.');
    // Nothing changed.
    expect((await counsellor.get(`/api/network/events/${id}`)).json()).toMatchObject({ invited: 1, attended: 0, jobsCreated: null });
  });

  it('a company contact answers only for their own company and cannot take attendance or read a company\'s history', async () => {
    const id = (await counsellor.post('/api/network/events', { title: 'Kick-off', kind: 'kickoff', startsAt: '2026-05-01T15:00:00Z' })).json().id;
    const detail = (await counsellor.post(`/api/network/events/${id}/invitations`, { companyIds: [company.id, other.id] })).json();
    const theirs = detail.invitations.find((i: { companyId: string }) => i.companyId === other.id);
    // Naming the other company's invitation does not let a contact answer for it: their own is answered.
    const res = await contact.post(`/api/network/events/${id}/rsvp`, { rsvp: 'no', invitationId: theirs.id });
    expect(res.statusCode).toBe(200);
    const after = (await counsellor.get(`/api/network/events/${id}`)).json();
    expect(after.invitations.find((i: { companyId: string }) => i.companyId === other.id).rsvp).toBe('pending');
    expect(after.invitations.find((i: { companyId: string }) => i.companyId === company.id).rsvp).toBe('no');
    // Each contact sees their own invitation only, never the list of who else is invited.
    const seen = (await outsider.get(`/api/network/events/${id}`)).json();
    expect(seen.myInvitation.companyId).toBe(other.id);
    expect(seen.invitations).toEqual([]);
    expect((await contact.post(`/api/network/events/${id}/attendance`, { entries: [{ invitationId: theirs.id, attended: true }] })).statusCode).toBe(403);
    expect((await contact.get(`/api/companies/${company.id}/events`)).statusCode).toBe(403);
  });
});

describe('the young person decides about each story about them', () => {
  it('sees the story, says yes (the network sees it), says no (gone at once); nobody else can answer for them', async () => {
    const user = await makeUser(t.db, pid, 'young_person');
    const yp = await makeYoungPerson(t.db, pid, { userId: user.id, firstName: 'Mads' });
    const me = await t.login(user.email);
    const o = await makeOpening(t.db, pid, company.id);
    const p = await makePlacement(t.db, { partnershipId: pid, youngPersonId: yp.id, companyId: company.id, openingId: o.id, startDate: '2026-02-02' });
    const story = (await counsellor.post('/api/network/stories', { placementId: p.id, title: 'Mads på lageret', body: 'Mads startede to dage om ugen.' })).json();
    expect(story).toMatchObject({ shared: false, placementId: p.id });

    const mine = (await me.get('/api/me/stories')).json();
    expect(mine).toEqual([expect.objectContaining({ id: story.id, title: 'Mads på lageret', shared: false, companyName: 'Inviteret ApS' })]);
    expect((await outsider.get('/api/network/stories')).json().map((s: { id: string }) => s.id)).not.toContain(story.id);

    expect((await me.post(`/api/me/stories/${story.id}/consent`, { granted: true })).json()).toMatchObject({ shared: true });
    expect((await outsider.get('/api/network/stories')).json().map((s: { id: string }) => s.id)).toContain(story.id);
    expect((await counsellor.get('/api/network/stories')).json().find((s: { id: string }) => s.id === story.id).shared).toBe(true);

    expect((await me.post(`/api/me/stories/${story.id}/consent`, { granted: false })).json()).toMatchObject({ shared: false });
    expect((await outsider.get('/api/network/stories')).json().map((s: { id: string }) => s.id)).not.toContain(story.id);

    // "Hvem må se hvad" names the story, offers only that item, and a no there hides it too.
    await me.post(`/api/me/stories/${story.id}/consent`, { granted: true });
    const sharing = (await me.get('/api/me/sharing')).json();
    const entry = sharing.find((r: { id: string }) => r.id === story.id);
    expect(entry).toMatchObject({ kind: 'network', label: 'Netværket: historien "Mads på lageret"', purpose: 'success_story' });
    expect(entry.items).toEqual([expect.objectContaining({ key: 'success_story', granted: true })]);
    const off = await me.put('/api/me/sharing', { recipientKind: 'network', recipientId: story.id, item: 'success_story', granted: false });
    expect(off.statusCode).toBe(200);
    expect((await outsider.get('/api/network/stories')).json().map((s: { id: string }) => s.id)).not.toContain(story.id);
    expect((await me.get('/api/me/stories')).json()[0].shared).toBe(false);

    // Another young person cannot see or answer for it; a company contact cannot use the young person's routes.
    const otherUser = await makeUser(t.db, pid, 'young_person');
    await makeYoungPerson(t.db, pid, { userId: otherUser.id });
    const someoneElse = await t.login(otherUser.email);
    expect((await someoneElse.get('/api/me/stories')).json()).toEqual([]);
    expect((await someoneElse.post(`/api/me/stories/${story.id}/consent`, { granted: true })).statusCode).toBe(404);
    expect((await contact.post(`/api/me/stories/${story.id}/consent`, { granted: true })).statusCode).toBe(403);
    expect((await outsider.get('/api/network/stories')).json().map((s: { id: string }) => s.id)).not.toContain(story.id);

    // Every read of the stories about them is in the access log.
    const logged = await t.db.selectFrom('audit_log').select(['action', 'purpose']).where('subject_id', '=', yp.id).where('subject_kind', 'in', ['success_story', 'consent']).execute();
    expect(logged).toEqual(expect.arrayContaining([{ action: 'read', purpose: 'own_data' }, { action: 'change', purpose: 'own_data' }]));
  });
});
