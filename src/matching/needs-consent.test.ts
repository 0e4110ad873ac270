// Needs (barriers) are special-category data: a need the young person has not
// shared with the network for matching must not move any score — not in one
// young person's list, not in "Foreslå for alle". Two young people who differ
// only by an unshared need must be scored exactly alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { recordConsent } from '../consent/ledger.ts';
import { makeCompanyWithOpening, makeScreenedYouth } from './testkit.ts';

let t: TestApp;
let pid: string;
let counsellor: TestClient;
let plain: string, unshared: string, shared: string;

interface Contribution { criterion: string; points: number; text: string }
interface Suggestion { candidateId: string; score: number; contributions: Contribution[] }

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db)).id;
  counsellor = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
  const profile = { interests: ['Lager'], wishes: 'Lager', days: 3, hours: 5, transport: ['bus'] };
  plain = await makeScreenedYouth(t.db, pid, { ...profile, firstName: 'Anna' });
  unshared = await makeScreenedYouth(t.db, pid, { ...profile, firstName: 'Bo', barriers: ['diagnosis', 'crime'] });
  shared = await makeScreenedYouth(t.db, pid, { ...profile, firstName: 'Carl', barriers: ['diagnosis'] });
  await t.db.transaction().execute((trx) => recordConsent(trx, {
    partnershipId: pid, youngPersonId: shared, recipient: { kind: 'network', id: pid }, item: 'barrier.diagnosis', granted: true, purpose: 'matching', changedBy: null,
  }));
  // Bo shared a need once and withdrew it again: withdrawn is as good as never shared.
  for (const granted of [true, false]) {
    await t.db.transaction().execute((trx) => recordConsent(trx, {
      partnershipId: pid, youngPersonId: unshared, recipient: { kind: 'network', id: pid }, item: 'barrier.crime', granted, purpose: 'matching', changedBy: null,
    }));
  }
  // One company without experience with needs, one with: both capacity 1 so the batch must choose.
  await makeCompanyWithOpening(t.db, pid, { title: 'Lager og pakning', companyName: 'Lager A', capacity: 1 });
  await makeCompanyWithOpening(t.db, pid, { title: 'Lager og pakning', companyName: 'Lager B', capacity: 1, experience: ['anxiety', 'criminal_record'] });
});
afterAll(() => t.close());

const suggestionsOf = async (id: string) =>
  ((await counsellor.get(`/api/youth/${id}/suggestions`)).json().suggestions as Suggestion[])
    .map((s) => ({ candidateId: s.candidateId, score: s.score, contributions: s.contributions }))
    .sort((a, b) => a.candidateId.localeCompare(b.candidateId));

describe('needs without consent do not enter matching', () => {
  it('one young person: the same scores and texts as a young person without any needs', async () => {
    const a = await suggestionsOf(plain), b = await suggestionsOf(unshared);
    expect(a.length).toBe(2);
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).not.toMatch(/diagnose|straffeattest|samtykke/);
  });

  it('"Foreslå for alle": an unshared need neither lowers nor raises the young person’s score', async () => {
    // The same young person and opening in two partnerships, once without needs and once with an unshared need.
    const batchAlone = async (barriers: string[]) => {
      const p = (await makePartnership(t.db)).id;
      const c = await t.login((await makeUser(t.db, p, 'counsellor')).email);
      await makeScreenedYouth(t.db, p, { interests: ['Lager'], wishes: 'Lager', days: 3, hours: 5, transport: ['bus'], barriers });
      await makeCompanyWithOpening(t.db, p, { title: 'Lager og pakning', capacity: 1 });
      const res = await c.post('/api/matching/batch', { kind: 'openings' });
      expect(res.statusCode).toBe(200);
      return res.json() as { totalScore: number; proposals: { score: number; contributions: Contribution[] }[] };
    };
    const without = await batchAlone([]), withUnshared = await batchAlone(['diagnosis', 'substance_abuse']);
    expect(without.proposals.length).toBe(1);
    expect(withUnshared.totalScore).toBe(without.totalScore);
    expect(withUnshared.proposals[0].contributions).toEqual(without.proposals[0].contributions);
  });

  it('a shared need is used: the company with experience is judged on it', async () => {
    const c = await suggestionsOf(shared);
    const texts = c.flatMap((s) => s.contributions.filter((x) => x.criterion === 'company_experience').map((x) => x.text)).join(' | ');
    expect(texts).toMatch(/Virksomheden har erfaring med: diagnose/);
    expect(texts).toMatch(/ikke erfaring med den unges behov/);
  });
});
