import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser, makeYoungPerson } from '../../test/helpers/factories.ts';

let t: TestApp;
let pid: string;
let counsellor: TestClient;
let mentorA: TestClient;
let mentorB: TestClient;
let company: TestClient;
let emil: TestClient;
let emilUserId: string;
let mentorAUser: { id: string; email: string };
let counsellorUser: { id: string };
let adult: string;
let minor: string;
let mentorAId: string;
let mentorshipId: string;

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db)).id;
  counsellorUser = await makeUser(t.db, pid, 'counsellor');
  mentorAUser = await makeUser(t.db, pid, 'volunteer_mentor', 'Hanne Mentor');
  const mentorBUser = await makeUser(t.db, pid, 'volunteer_mentor');
  const companyUser = await makeUser(t.db, pid, 'company_contact');
  const emilUser = await makeUser(t.db, pid, 'young_person');
  emilUserId = emilUser.id;
  adult = (await makeYoungPerson(t.db, pid, { userId: emilUser.id, counsellorId: counsellorUser.id, firstName: 'Emil', birthDate: '2000-01-01' })).id;
  minor = (await makeYoungPerson(t.db, pid, { counsellorId: counsellorUser.id, firstName: 'Asta', birthDate: '2011-02-02' })).id;
  await t.db.updateTable('young_people').set({ phone: '20304050' }).where('id', '=', adult).execute();
  counsellor = await t.login((await t.db.selectFrom('users').select('email').where('id', '=', counsellorUser.id).executeTakeFirstOrThrow()).email);
  mentorA = await t.login(mentorAUser.email);
  mentorB = await t.login(mentorBUser.email);
  company = await t.login(companyUser.email);
  emil = await t.login(emilUser.email);
  const b = await counsellor.post('/api/mentors', { kind: 'volunteer', name: 'Bo Mentor', userId: mentorBUser.id, introTalkOn: '2026-01-01', courseOn: '2026-01-10', agreementSignedOn: '2026-01-11' });
  expect(b.statusCode).toBe(201);
});
afterAll(() => t?.close());

describe('volunteer mentor registry', () => {
  it('a counsellor registers a volunteer with profile and onboarding; the list shows what is missing', async () => {
    const res = await counsellor.post('/api/mentors', {
      kind: 'volunteer', name: 'Hanne Lund', userId: mentorAUser.id, jobTitle: 'Produktionschef', industry: 'Metal', interests: 'Løb, fiskeri',
      offers: 'En kop kaffe og hjælp med CV', hoursPerMonth: 4, area: 'Aulum', introTalkOn: '2026-02-01',
    });
    expect(res.statusCode).toBe(201);
    mentorAId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'active', onboardingComplete: false, activeMentorships: 0 });
    const list = await counsellor.get('/api/mentors?q=metal');
    expect(list.json().map((m: { name: string }) => m.name)).toEqual(['Hanne Lund']);
  });

  it('refuses a login that is not a mentor in the partnership, and unknown fields', async () => {
    expect((await counsellor.post('/api/mentors', { kind: 'volunteer', name: 'X', userId: counsellorUser.id })).statusCode).toBe(400);
    expect((await counsellor.post('/api/mentors', { kind: 'volunteer', name: 'X', shoeSize: 44 })).statusCode).toBe(400);
  });

  it('a mentor sees their own profile but not another mentor, and a company not the registry', async () => {
    expect((await mentorA.get('/api/mentors/me')).json().name).toBe('Hanne Lund');
    expect((await mentorB.get(`/api/mentors/${mentorAId}`)).statusCode).toBe(404);
    expect((await mentorA.get('/api/mentors')).statusCode).toBe(403);
    expect((await company.get('/api/mentors')).statusCode).toBe(403);
  });
});

describe('mentorships', () => {
  it('will not match before onboarding is complete', async () => {
    const res = await counsellor.post('/api/mentorships', { mentorId: mentorAId, youngPersonId: adult, startedOn: '2026-03-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/introsamtale|kursus|aftale/);
  });

  it('matches; the counsellor gets a review task in 3 months and the mentor a message', async () => {
    await counsellor.patch(`/api/mentors/${mentorAId}`, { courseOn: '2026-02-10', agreementSignedOn: '2026-02-11' });
    const res = await counsellor.post('/api/mentorships', { mentorId: mentorAId, youngPersonId: adult, startedOn: '2026-03-01' });
    expect(res.statusCode).toBe(201);
    mentorshipId = res.json().id;
    expect(res.json()).toMatchObject({ nextReviewOn: '2026-06-01', status: 'active', mentorName: 'Hanne Lund' });
    const task = await t.db.selectFrom('tasks').selectAll().where('young_person_id', '=', adult).where('kind', '=', 'mentor_review').executeTakeFirstOrThrow();
    expect(task.assignee_id).toBe(counsellorUser.id);
    expect(task.done_at).toBeNull();
    const mail = await t.db.selectFrom('outbox').selectAll().where('recipient', '=', mentorAUser.email).execute();
    expect(mail.map((m) => m.kind)).toEqual(['mentorship_started']);
    expect(mail[0].body).not.toContain('Emil'); // no names leave the system by e-mail
    expect((await counsellor.post('/api/mentorships', { mentorId: mentorAId, youngPersonId: adult, startedOn: '2026-03-02' })).statusCode).toBe(409);
  });

  it('a mentee under 18 needs a checked child certificate (børneattest)', async () => {
    const res = await counsellor.post('/api/mentorships', { mentorId: mentorAId, youngPersonId: minor, startedOn: '2026-03-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('børneattest');
    await counsellor.patch(`/api/mentors/${mentorAId}`, { recordCheckedOn: '2026-02-20' });
    expect((await counsellor.post('/api/mentorships', { mentorId: mentorAId, youngPersonId: minor, startedOn: '2026-03-01' })).statusCode).toBe(201);
  });

  it('the mentor sees only their own mentees, and of each only what the young person shared with them; every read is logged', async () => {
    const before = await t.db.selectFrom('audit_log').select('id').where('subject_id', '=', adult).where('subject_kind', '=', 'mentorship').execute();
    const list = (await mentorA.get('/api/mentorships')).json();
    expect(list).toHaveLength(2);
    const emilView = list.find((m: { youngPersonId: string }) => m.youngPersonId === adult);
    expect(emilView.mentee.firstName).toBe('Emil');
    expect(emilView.mentee.phone).toBeUndefined();
    expect(emilView.mentee.lastName).toBeUndefined();
    const one = (await mentorA.get(`/api/mentorships/${mentorshipId}`)).json();
    expect(one.mentee.phone).toBeUndefined();
    const after = await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', adult).where('subject_kind', '=', 'mentorship').execute();
    expect(after.length).toBe(before.length + 2);
    expect(after.at(-1)).toMatchObject({ user_id: mentorAUser.id, action: 'read', purpose: 'mentoring_shared_by_consent' });
    expect((await mentorB.get('/api/mentorships')).json()).toHaveLength(0);
  });

  it('the young person switches sharing with "din mentor" on and off on "Hvem må se hvad"; it applies at once and is logged', async () => {
    const sharing = (await emil.get('/api/me/sharing')).json();
    const mentor = sharing.find((r: { kind: string }) => r.kind === 'mentor');
    expect(mentor).toMatchObject({ id: mentorAUser.id, label: 'Din mentor Hanne Lund', purpose: 'mentoring', active: true });
    const on = await emil.put('/api/me/sharing', { recipientKind: 'mentor', recipientId: mentorAUser.id, item: 'contact.phone', granted: true });
    expect(on.statusCode).toBe(200);
    expect((await mentorA.get(`/api/mentorships/${mentorshipId}`)).json().mentee.phone).toBe('20304050');
    const ledger = await t.db.selectFrom('consent_events').selectAll().where('young_person_id', '=', adult).execute();
    expect(ledger).toEqual([expect.objectContaining({ recipient_kind: 'mentor', recipient_id: mentorAUser.id, item: 'contact.phone', granted: true, purpose: 'mentoring', changed_by: emilUserId })]);
    const logged = await t.db.selectFrom('audit_log').selectAll().where('subject_id', '=', adult).where('subject_kind', '=', 'consent').where('action', '=', 'change').execute();
    expect(logged).toEqual([expect.objectContaining({ user_id: emilUserId, purpose: 'own_data' })]);

    const off = await emil.put('/api/me/sharing', { recipientKind: 'mentor', recipientId: mentorAUser.id, item: 'contact.phone', granted: false });
    expect(off.json().find((r: { kind: string }) => r.kind === 'mentor').items.find((i: { key: string }) => i.key === 'contact.phone').granted).toBe(false);
    expect((await mentorA.get(`/api/mentorships/${mentorshipId}`)).json().mentee.phone).toBeUndefined();
    // A mentor who is not the young person's mentor is not a recipient at all.
    expect(sharing.filter((r: { kind: string }) => r.kind === 'mentor')).toHaveLength(1);
    await emil.put('/api/me/sharing', { recipientKind: 'mentor', recipientId: mentorAUser.id, item: 'contact.phone', granted: true });
  });

  it("another mentor cannot open or write to someone else's mentorship (404), a company is refused (403)", async () => {
    expect((await mentorB.get(`/api/mentorships/${mentorshipId}`)).statusCode).toBe(404);
    expect((await mentorB.post(`/api/mentorships/${mentorshipId}/first-meeting`, { metOn: '2026-03-05', chemistry: 'good' })).statusCode).toBe(404);
    expect((await mentorB.post(`/api/mentorships/${mentorshipId}/notes`, { metOn: '2026-03-05', note: 'Hej' })).statusCode).toBe(404);
    expect((await company.get(`/api/mentorships/${mentorshipId}`)).statusCode).toBe(403);
    expect((await company.get('/api/mentorships')).statusCode).toBe(403);
    expect((await mentorA.post(`/api/mentorships/${mentorshipId}/reviews`, { reviewedOn: '2026-06-01', decision: 'end', reason: 'Slut' })).statusCode).toBe(403);
  });

  it('the mentor records the first meeting and may write a short note; the counsellor sees both', async () => {
    const res = await mentorA.post(`/api/mentorships/${mentorshipId}/first-meeting`, { metOn: '2026-03-05', chemistry: 'good' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ firstMeetingOn: '2026-03-05', chemistry: 'good' });
    expect((await mentorA.post(`/api/mentorships/${mentorshipId}/first-meeting`, { metOn: '2026-02-01', chemistry: 'good' })).statusCode).toBe(400);
    expect((await mentorA.post(`/api/mentorships/${mentorshipId}/notes`, { metOn: '2026-03-12', note: 'Gåtur ved åen, god snak om praktikken.' })).statusCode).toBe(201);
    expect((await mentorA.post(`/api/mentorships/${mentorshipId}/notes`, { metOn: '2026-03-12', note: 'x'.repeat(1001) })).statusCode).toBe(400);
    const seen = (await counsellor.get(`/api/mentorships/${mentorshipId}`)).json();
    expect(seen.notes).toEqual([expect.objectContaining({ note: 'Gåtur ved åen, god snak om praktikken.', mine: false })]);
    expect(seen.mentee.lastName).toBeDefined();
  });

  it('the review every 3 months extends (new task) or ends the mentorship with the reason', async () => {
    const due = (await counsellor.get('/api/mentorships/reviews-due?days=90')).json();
    expect(due.some((d: { mentorshipId: string; overdue: boolean }) => d.mentorshipId === mentorshipId)).toBe(true);
    const ext = await counsellor.post(`/api/mentorships/${mentorshipId}/reviews`, { reviewedOn: '2026-06-02', decision: 'extend', reason: 'Det går godt' });
    expect(ext.statusCode).toBe(201);
    expect(ext.json().nextReviewOn).toBe('2026-09-02');
    const tasks = await t.db.selectFrom('tasks').selectAll().where('young_person_id', '=', adult).where('kind', '=', 'mentor_review').orderBy('due_at').execute();
    expect(tasks.map((x) => Boolean(x.done_at))).toEqual([true, false]);
    const end = await counsellor.post(`/api/mentorships/${mentorshipId}/reviews`, { reviewedOn: '2026-09-01', decision: 'end', reason: 'Har fået fast job' });
    expect(end.json()).toMatchObject({ status: 'ended', endReason: 'Har fået fast job', endedOn: '2026-09-01' });
    expect(end.json().reviews).toHaveLength(2);
    expect((await counsellor.post(`/api/mentorships/${mentorshipId}/reviews`, { reviewedOn: '2026-09-02', decision: 'end', reason: 'igen' })).statusCode).toBe(409);
    // After the end the mentor still shows for the young person, but only to switch things off.
    const mentor = (await emil.get('/api/me/sharing')).json().find((r: { kind: string }) => r.kind === 'mentor');
    expect(mentor).toMatchObject({ label: 'Din mentor Hanne Lund', active: false });
    expect((await emil.put('/api/me/sharing', { recipientKind: 'mentor', recipientId: mentorAUser.id, item: 'contact.email', granted: true })).statusCode).toBe(400);
    expect((await emil.put('/api/me/sharing', { recipientKind: 'mentor', recipientId: mentorAUser.id, item: 'contact.phone', granted: false })).statusCode).toBe(200);
  });

  it('"not a match" at the first meeting ends the mentorship', async () => {
    const list = (await mentorA.get('/api/mentorships')).json();
    const asta = list.find((m: { youngPersonId: string }) => m.youngPersonId === minor);
    const res = await mentorA.post(`/api/mentorships/${asta.id}/first-meeting`, { metOn: '2026-03-03', chemistry: 'not_a_match' });
    expect(res.json()).toMatchObject({ status: 'ended', chemistry: 'not_a_match' });
  });

  it('the list shows each mentorship with its own reviews and notes, and logs one read per mentee', async () => {
    const reads = () => t.db.selectFrom('audit_log').select('subject_id').where('user_id', '=', counsellorUser.id).where('subject_kind', '=', 'mentorship').where('action', '=', 'read').orderBy('id').execute();
    const before = (await reads()).length;
    const list = (await counsellor.get('/api/mentorships?status=ended')).json();
    const emilsMentorship = list.find((m: { id: string }) => m.id === mentorshipId);
    const astasMentorship = list.find((m: { youngPersonId: string }) => m.youngPersonId === minor);
    expect(emilsMentorship.reviews.map((r: { decision: string }) => r.decision)).toEqual(['extend', 'end']);
    expect(emilsMentorship.notes).toEqual([expect.objectContaining({ note: 'Gåtur ved åen, god snak om praktikken.', mine: false })]);
    expect(astasMentorship).toMatchObject({ reviews: [], notes: [], chemistry: 'not_a_match' });
    const after = await reads();
    expect(after.length - before).toBe(list.length);
    expect(after.slice(before).map((r) => r.subject_id).sort()).toEqual([adult, minor].sort());
    const own = (await mentorA.get('/api/mentorships?status=ended')).json().find((m: { id: string }) => m.id === mentorshipId);
    expect(own.notes).toEqual([expect.objectContaining({ mine: true })]);
  });

  it('another partnership cannot see the mentorship', async () => {
    const other = await makePartnership(t.db);
    const c2 = await t.login((await makeUser(t.db, other.id, 'counsellor')).email);
    expect((await c2.get(`/api/mentorships/${mentorshipId}`)).statusCode).toBe(404);
    expect((await c2.get(`/api/mentors/${mentorAId}`)).statusCode).toBe(404);
  });
});
