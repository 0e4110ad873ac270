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
