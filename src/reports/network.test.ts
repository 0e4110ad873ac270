// The network figures from the database: placements and hires per company,
// mentors (active, matched, reviews due) and activity participation — counted
// for the partnership and period only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeYoungPerson } from '../../test/helpers/factories.ts';
import { loadNetwork } from './queries.ts';
import type { ReportTable } from './types.ts';

let t: TestApp;
let pid: string;
const q = { from: '2025-01-01', to: '2025-12-31', asOf: '2026-01-31' };

const row = (tb: ReportTable, key: string) => tb.rows.find((r) => r.key === key)?.cells;

/** One partnership's network: the same shapes again in another partnership must not count. */
async function seed(partnershipId: string) {
  const db = t.db;
  const youth: string[] = [];
  for (let i = 0; i < 6; i++) youth.push((await makeYoungPerson(db, partnershipId, { firstName: `Ung${i}` })).id);
  const company = async (name: string) => {
    const c = (await db.insertInto('companies').values({ partnership_id: partnershipId, name, membership: 'network_member', kind: 'both' })
      .returning('id').executeTakeFirstOrThrow()).id;
    const o = (await db.insertInto('openings').values({ partnership_id: partnershipId, company_id: c, title: 'Opgave', placement_kinds: ['work_placement'], capacity: 20 })
      .returning('id').executeTakeFirstOrThrow()).id;
    return { c, o };
  };
  const place = (at: { c: string; o: string }, y: string, start: string, endReason: string | null) => db.insertInto('placements').values({
    partnership_id: partnershipId, young_person_id: y, company_id: at.c, opening_id: at.o, kind: 'work_placement', start_date: start,
    end_date: endReason ? '2025-11-30' : null, status: endReason ? 'ended' : 'active', end_reason: endReason,
    breakdown_cause: endReason === 'breakdown' ? 'match' : null,
  }).execute();
  // Aulum Lager: 3 placements in the period (2 hired) and one before it; Bager Bo: 2, none hired.
  const lager = await company('Aulum Lager');
  await place(lager, youth[0], '2025-02-01', 'hired');
  await place(lager, youth[1], '2025-03-01', 'hired');
  await place(lager, youth[2], '2025-04-01', null);
  await place(lager, youth[3], '2024-12-31', 'hired');
  const bager = await company('Bager Bo');
  await place(bager, youth[3], '2025-05-01', 'breakdown');
  await place(bager, youth[4], '2025-12-31', null);
  // 15 more companies with one placement each (every other one hired): the list shows 15 by name, the rest together.
  for (let i = 1; i <= 15; i++) await place(await company(`Firma ${String(i).padStart(2, '0')}`), youth[5], '2025-06-01', i % 2 ? 'hired' : 'ended_as_planned');

  const day = '2024-06-01';
  const mentor = async (kind: string, name: string, status = 'active') => (await db.insertInto('mentors').values({
    partnership_id: partnershipId, kind, name, status, hours_per_month: 4, intro_talk_on: day, course_on: day, agreement_signed_on: day,
  }).returning('id').executeTakeFirstOrThrow()).id;
  const mentorship = (mentorId: string, y: string, nextReview: string, status = 'active') => db.insertInto('mentorships').values({
    partnership_id: partnershipId, mentor_id: mentorId, young_person_id: y, started_on: '2025-10-01', next_review_on: nextReview, status,
    ended_on: status === 'ended' ? '2025-12-01' : null,
  }).execute();
  const [v1, v2, v3] = [await mentor('volunteer', 'Vera'), await mentor('volunteer', 'Viggo'), await mentor('volunteer', 'Vibeke')];
  await mentor('volunteer', 'Pause Per', 'paused');
  const p1 = await mentor('professional', 'Kim');
  await mentorship(v1, youth[0], '2026-01-01'); // review due by asOf
  await mentorship(v1, youth[1], '2026-03-01'); // not due yet
  await mentorship(v2, youth[2], '2026-01-31'); // due on asOf
  await mentorship(v3, youth[3], '2025-11-01', 'ended'); // ended: neither matched nor due
  await mentorship(p1, youth[4], '2025-12-15'); // due

  const activity = async (kind: string, name: string) => (await db.insertInto('activities').values({ partnership_id: partnershipId, kind, name })
    .returning('id').executeTakeFirstOrThrow()).id;
  const attend = (activityId: string, y: string, onDate: string, present = true) =>
    db.insertInto('activity_attendance').values({ activity_id: activityId, young_person_id: y, on_date: onDate, start_time: '16:00', present }).execute();
  const meeting = await activity('network_meeting', 'Ungenetværk torsdag');
  const fitness = await activity('fitness', 'Fitness');
  await attend(meeting, youth[0], '2025-03-06');
  await attend(meeting, youth[0], '2025-03-13');
  await attend(meeting, youth[1], '2025-03-13');
  await attend(meeting, youth[2], '2025-03-13', false); // absent: not counted
  await attend(meeting, youth[3], '2024-12-12'); // before the period
  await attend(fitness, youth[0], '2025-04-01');
  await attend(fitness, youth[4], '2025-04-01');
}

beforeAll(async () => {
  t = await createTestApp();
  pid = (await makePartnership(t.db)).id;
  await seed(pid);
  await seed((await makePartnership(t.db)).id);
});
afterAll(() => t.close());

describe('network figures', () => {
  it('placements and hires per company: the biggest first, 15 by name, the rest together, and the total', async () => {
    const { tables } = await loadNetwork(t.db, pid, q);
    const tb = tables.find((x) => x.id === 'company_conversion')!;
    expect(tb.rows.slice(0, 3).map((r) => r.cells)).toEqual([
      ['Aulum Lager', 3, 2, 2 / 3],
      ['Bager Bo', 2, 0, 0],
      ['Firma 01', 1, 1, 1],
    ]);
    expect(tb.rows.length).toBe(15 + 2);
    expect(row(tb, 'others')).toEqual(['Øvrige virksomheder', 2, 1, 0.5]);
    // 3 + 2 + 15 placements in the period, 2 + 0 + 8 hires (the placement from 2024 is left out).
    expect(row(tb, 'total')).toEqual(['I alt', 20, 10, 0.5]);
  });

  it('mentors: active by kind, those with an active mentee, and mentorships whose review is due by the status date', async () => {
    const { tables } = await loadNetwork(t.db, pid, q);
    const tb = tables.find((x) => x.id === 'network_summary')!;
    expect(row(tb, 'mentors_active')?.[1]).toBe(4); // 3 volunteers + 1 professional; the paused one is not active
    expect(row(tb, 'mentors_volunteer')?.[1]).toBe(3);
    expect(row(tb, 'mentors_professional')?.[1]).toBe(1);
    // Vera, Viggo and Kim have an active mentee; Vibeke's mentorship ended.
    expect(row(tb, 'mentors_matched')?.slice(1)).toEqual([3, 3 / 4]);
    // Due on or before 2026-01-31: Vera's first, Viggo's, Kim's.
    expect(row(tb, 'reviews_due')?.[1]).toBe(3);
    expect(row(tb, 'members')?.[1]).toBe(17);
  });

  it('activity participation: distinct young people present and attendances, by kind and in total', async () => {
    const { tables } = await loadNetwork(t.db, pid, q);
    const tb = tables.find((x) => x.id === 'network_list_activities')!;
    expect(row(tb, 'network_meeting')).toEqual(['Ungenetværk', 2, 3]);
    expect(row(tb, 'fitness')).toEqual(['Fitness', 2, 2]);
    // Ung0 came to both: 3 different young people, 5 attendances.
    expect(row(tb, 'total')).toEqual(['I alt (forskellige unge)', 3, 5]);
  });

  it('an empty period gives zero rows, not missing ones', async () => {
    const { tables } = await loadNetwork(t.db, pid, { from: '2030-01-01', to: '2030-12-31', asOf: '2030-12-31' });
    expect(row(tables.find((x) => x.id === 'network_list_activities')!, 'total')).toEqual(['I alt (forskellige unge)', 0, 0]);
    expect(row(tables.find((x) => x.id === 'company_conversion')!, 'total')).toEqual(['I alt', 0, 0, null]);
  });
});
