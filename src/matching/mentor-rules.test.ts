// The volunteer mentor rules have one source of truth (src/mentors/mentorships.ts):
// what POST /api/mentorships refuses, matching excludes with the same words, and
// what it allows, matching allows. "One mentee at a time" is a preference of
// the suggestions (a busy mentor ranks lower; "Foreslå for alle" skips them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { makeScreenedYouth, makeVolunteerMentor } from './testkit.ts';

let t: TestApp;
let pid: string;
let counsellor: TestClient;
let emil: string, sara: string, liv: string;
let twoHours: string, noHours: string, busy: string, free: string;

interface Suggestion { candidateId: string; score: number; excluded: { criterion: string; text: string }[]; contributions: { criterion: string; text: string }[] }

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db)).id;
  counsellor = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
  const adult = { interests: ['Fiskeri'], wishes: 'Lager', birthDate: '2000-01-01' };
  emil = await makeScreenedYouth(t.db, pid, { ...adult, firstName: 'Emil' });
  sara = await makeScreenedYouth(t.db, pid, { ...adult, firstName: 'Sara' });
  liv = await makeScreenedYouth(t.db, pid, { ...adult, firstName: 'Liv' });
  twoHours = await makeVolunteerMentor(t.db, pid, { name: 'To Timer', hours: 2 });
  noHours = await makeVolunteerMentor(t.db, pid, { name: 'Ingen Timer' });
  await t.db.updateTable('mentors').set({ hours_per_month: null }).where('id', '=', noHours).execute();
  busy = await makeVolunteerMentor(t.db, pid, { name: 'Optaget Otto', hours: 6 });
  free = await makeVolunteerMentor(t.db, pid, { name: 'Fri Frida', hours: 6 });
});
afterAll(() => t.close());

const suggestions = async (id: string) => (await counsellor.get(`/api/youth/${id}/suggestions?kind=mentors`)).json().suggestions as Suggestion[];

describe('volunteer mentor rules: one source of truth', () => {
  it('fewer than 3 hours a month (or none registered): POST /api/mentorships refuses (409), and matching excludes with the same reason', async () => {
    for (const [mentorId, message] of [[twoHours, /kan kun 2 timer om måneden – en frivillig erhvervsmentor skal kunne give mindst 3/], [noHours, /timer om måneden er ikke registreret/]] as const) {
      const res = await counsellor.post('/api/mentorships', { mentorId, youngPersonId: emil, startedOn: '2026-03-01' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.message).toMatch(message);
      const s = (await suggestions(emil)).find((x) => x.candidateId === mentorId)!;
      expect(s.excluded.map((e) => e.text).join()).toMatch(message);
      const accept = await counsellor.post(`/api/youth/${emil}/suggestions/accept`, { kind: 'mentor', candidateId: mentorId });
      expect(accept.statusCode).toBe(409);
    }
  });

  it('a volunteer who already has a mentee: both POST /api/mentorships and accepting a suggestion may add one more', async () => {
    expect((await counsellor.post('/api/mentorships', { mentorId: busy, youngPersonId: emil, startedOn: '2026-03-01' })).statusCode).toBe(201);
    const list = await suggestions(sara);
    const b = list.find((x) => x.candidateId === busy)!, f = list.find((x) => x.candidateId === free)!;
    // Not excluded, only ranked below an otherwise identical mentor without a mentee.
    expect(b.excluded).toEqual([]);
    expect(b.score).toBeLessThan(f.score);
    expect(b.contributions.find((c) => c.criterion === 'hours')!.text).toMatch(/har allerede 1 mentee/);
    const accept = await counsellor.post(`/api/youth/${sara}/suggestions/accept`, { kind: 'mentor', candidateId: busy });
    expect(accept.statusCode).toBe(201);
  });

  it('"Foreslå for alle" proposes only mentors without a mentee, one new mentee each', async () => {
    const b = (await counsellor.post('/api/matching/batch', { kind: 'mentors' })).json() as { proposals: { youngPersonId: string; candidateId: string }[] };
    expect(b.proposals.map((p) => p.candidateId)).toEqual([free]);
    expect(b.proposals[0].youngPersonId).toBe(liv);
  });
});
