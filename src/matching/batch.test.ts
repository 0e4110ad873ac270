// "Foreslå for alle" against the real database: hard limits never violated,
// capacity never exceeded, the optimum equals brute force on a small instance,
// and a proposal confirmed becomes a placement with source 'batch'.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { makeCompanyContact } from '../companies/testkit.ts';
import { makeCompanyWithOpening, makeScreenedYouth, makeVolunteerMentor } from './testkit.ts';

let t: TestApp;
let pid: string;
let counsellor: TestClient, contact: TestClient, otherCounsellor: TestClient;

// A small deterministic random source, so a failure can be replayed.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];

const INTERESTS = ['Lager', 'Dyr', 'Biler', 'Butik', 'Køkken', 'Træ'];
const TITLES: [string, string][] = [['Lager og pakning', 'Pakke varer'], ['Dyrepasser', 'Fodre dyr'], ['Værksted', 'Skifte dæk på biler'],
  ['Butik', 'Fylde varer op i butik'], ['Køkkenhjælp', 'Køkken og opvask'], ['Snedker', 'Træ og møbler']];

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db)).id;
  counsellor = await t.login((await makeUser(t.db, pid, 'counsellor')).email);
  otherCounsellor = await t.login((await makeUser(t.db, (await makePartnership(t.db)).id, 'counsellor')).email);
  for (let i = 0; i < 9; i++) {
    await makeScreenedYouth(t.db, pid, {
      firstName: `Ung${i}`, interests: [pick(INTERESTS), pick(INTERESTS)], days: 1 + Math.floor(rnd() * 5), hours: 3 + Math.floor(rnd() * 5),
      transport: rnd() < 0.3 ? ['driving_licence'] : ['bus'],
    });
  }
  // Not waiting: referred only, or already placed.
  await makeScreenedYouth(t.db, pid, { firstName: 'Henvist', stage: 'referred', interests: ['Lager'] });
  for (let j = 0; j < 5; j++) {
    const [title, tasks] = pick(TITLES);
    const o = await makeCompanyWithOpening(t.db, pid, {
      title, tasks, capacity: 1 + Math.floor(rnd() * 2), days: 1 + Math.floor(rnd() * 3), hours: 3 + Math.floor(rnd() * 3),
      requirements: rnd() < 0.3 ? ['driving_licence'] : [],
    });
    if (j === 0) contact = await t.login((await makeCompanyContact(t.db, pid, o.companyId)).email);
  }
});
afterAll(() => t.close());

interface Row { id: string; days: number; hours: number; transport: string[] }
interface ORow { id: string; days: number; hours: number; requirements: string[]; free: number }

async function facts() {
  const youth = await t.db.selectFrom('young_people as y').innerJoin('screenings as s', 's.young_person_id', 'y.id')
    .select(['y.id', 's.days_per_week', 's.hours_per_day', 's.transport', 'y.stage']).where('y.partnership_id', '=', pid).execute();
  const openings = await t.db.selectFrom('openings as o').select(['o.id', 'o.start_days_per_week', 'o.start_hours_per_day', 'o.requirements', 'o.capacity',
    (eb) => eb.selectFrom('placements as p').whereRef('p.opening_id', '=', 'o.id').where('p.status', 'in', ['planned', 'active', 'paused']).select(eb.fn.countAll<number>().as('n')).as('taken')])
    .where('o.partnership_id', '=', pid).execute();
  return {
    youth: new Map<string, Row & { stage: string }>(youth.map((y) => [y.id, { id: y.id, days: y.days_per_week!, hours: y.hours_per_day!, transport: y.transport, stage: y.stage }])),
    openings: new Map<string, ORow>(openings.map((o) => [o.id, { id: o.id, days: o.start_days_per_week, hours: Number(o.start_hours_per_day), requirements: o.requirements, free: o.capacity - Number(o.taken) }])),
  };
}

const allowed = (y: Row, o: ORow) => o.days <= y.days && o.hours <= y.hours && (!o.requirements.includes('driving_licence') || y.transport.includes('driving_licence'));

describe('Foreslå for alle (openings)', () => {
  it('never breaks a hard limit or a capacity, and proposes only waiting young people', async () => {
    const res = await counsellor.post('/api/matching/batch', { kind: 'openings' });
    expect(res.statusCode).toBe(200);
    const b = res.json();
    const f = await facts();
    expect(b.waiting).toBe(9);
    expect(b.proposals.length + b.unassigned.length).toBe(9);
    const used = new Map<string, number>();
    for (const p of b.proposals) {
      const y = f.youth.get(p.youngPersonId)!, o = f.openings.get(p.candidateId)!;
      expect(y.stage).not.toBe('referred');
      expect(allowed(y, o)).toBe(true);
      used.set(o.id, (used.get(o.id) ?? 0) + 1);
    }
    for (const [id, n] of used) expect(n).toBeLessThanOrEqual(f.openings.get(id)!.free);
    expect(new Set(b.proposals.map((p: { youngPersonId: string }) => p.youngPersonId)).size).toBe(b.proposals.length);
    expect(b.totalScore).toBeCloseTo(b.proposals.reduce((s: number, p: { score: number }) => s + p.score, 0), 5);
  });

  it('finds the same total as trying every assignment (brute force over the suggestions)', async () => {
    const b = (await counsellor.post('/api/matching/batch', { kind: 'openings' })).json();
    const f = await facts();
    // Scores per pair from each young person's own ranked list (same weights, same criteria).
    const youthIds = [...new Set([...b.proposals.map((p: { youngPersonId: string }) => p.youngPersonId), ...b.unassigned.map((u: { youngPersonId: string }) => u.youngPersonId)])] as string[];
    const scores: Map<string, number>[] = [];
    for (const id of youthIds) {
      const list = (await counsellor.get(`/api/youth/${id}/suggestions?limit=500`)).json().suggestions as { candidateId: string; score: number; excluded: unknown[] }[];
      scores.push(new Map(list.filter((s) => s.excluded.length === 0 && s.score > 0).map((s) => [s.candidateId, s.score])));
    }
    const free = new Map([...f.openings.values()].map((o) => [o.id, o.free]));
    let best = 0;
    const go = (i: number, total: number) => {
      if (i === youthIds.length) { best = Math.max(best, total); return; }
      go(i + 1, total);
      for (const [o, s] of scores[i]) {
        if ((free.get(o) ?? 0) <= 0) continue;
        free.set(o, free.get(o)! - 1);
        go(i + 1, total + s);
        free.set(o, free.get(o)! + 1);
      }
    };
    go(0, 0);
    expect(b.totalScore).toBeCloseTo(best, 5);
  });

  it('a confirmed proposal becomes a planned placement marked as from the batch, and leaves the waiting list', async () => {
    const b = (await counsellor.post('/api/matching/batch', {})).json();
    const p = b.proposals[0];
    const res = await counsellor.post(`/api/youth/${p.youngPersonId}/suggestions/accept`, { kind: 'opening', candidateId: p.candidateId, source: 'batch' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ source: 'batch', decision: 'accepted' });
    const after = (await counsellor.post('/api/matching/batch', {})).json();
    expect(after.waiting).toBe(b.waiting - 1);
    expect(after.proposals.map((x: { youngPersonId: string }) => x.youngPersonId)).not.toContain(p.youngPersonId);
  });

  it('audits each young person shown and refuses company contacts; another partnership sees none of them', async () => {
    const rows = await t.db.selectFrom('audit_log').select(['action', 'criterion']).where('purpose', '=', 'matching').where('action', '=', 'search').execute();
    expect(rows.some((r) => r.criterion === 'matching_batch_opening')).toBe(true);
    expect((await contact.post('/api/matching/batch', {})).statusCode).toBe(403);
    const other = (await otherCounsellor.post('/api/matching/batch', {})).json();
    expect(other).toMatchObject({ waiting: 0, proposals: [] });
  });
});

describe('Foreslå for alle (mentors)', () => {
  it('gives each volunteer mentor at most one mentee and never a mentor with too few hours', async () => {
    const ok = [await makeVolunteerMentor(t.db, pid, { name: 'A', interests: 'Lager, dyr' }), await makeVolunteerMentor(t.db, pid, { name: 'B', interests: 'Biler' })];
    const tooFew = await makeVolunteerMentor(t.db, pid, { name: 'C', hours: 2 });
    const b = (await counsellor.post('/api/matching/batch', { kind: 'mentors' })).json();
    expect(b.kind).toBe('mentor');
    const mentors = b.proposals.map((p: { candidateId: string }) => p.candidateId);
    expect(mentors).not.toContain(tooFew);
    expect(new Set(mentors).size).toBe(mentors.length);
    expect(mentors.length).toBe(2);
    for (const m of mentors) expect(ok).toContain(m);
  });
});
