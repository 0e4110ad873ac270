import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeYoungPerson } from '../../test/helpers/factories.ts';
import { importCatalogFile } from './import.ts';
import { loadCatalogFixture } from './fixtures/alter.ts';
import { aggregateOutcomes, outcomesOf, type OutcomeCountRow } from './present.ts';
import { runs } from '../../test/property-runs.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await importCatalogFile(t.db, 'katalog.md', Buffer.from(loadCatalogFixture()), { via: 'cli' });
});
afterAll(async () => t?.close());

it('hides a second cell when only one small count is hidden, so it cannot be worked out from the total', async () => {
  const p = await makePartnership(t.db);
  const initiative = await t.db.selectFrom('initiatives').select('id').where('key', '=', 'syddjurs-kommune/cafe-16').executeTakeFirstOrThrow();
  const outcomes = ['education', 'education', 'education', 'education', 'education', 'education', 'flex_job', null, null, null, null, null, null, null];
  for (const outcome of outcomes) {
    const y = await makeYoungPerson(t.db, p.id);
    if (outcome) await t.db.updateTable('young_people').set({ stage: 'ended', outcome }).where('id', '=', y.id).execute();
    await t.db.insertInto('initiative_links').values({ partnership_id: p.id, young_person_id: y.id, initiative_id: initiative.id }).execute();
  }
  const o = await outcomesOf(t.db, initiative.id);
  expect(o.linked).toBe(14);
  // 7 in progress, 6 education, 1 flex job: the 1 is hidden, and so is the 6 (the smallest shown cell).
  expect(o.inProgress).toBe(7);
  expect(o.ended).toEqual(expect.arrayContaining([{ outcome: 'education', count: null }, { outcome: 'flex_job', count: null }]));
});

describe('outcomes across partnerships cannot be differenced by one partnership (issue #22)', () => {
  it('the probe: linked 7 with disability pension hidden, when one partnership knows its own 6', async () => {
    const initiative = await t.db.selectFrom('initiatives').select('id').where('key', '=', 'syddjurs-kommune/cafe-16').executeTakeFirstOrThrow();
    const link = async (pid: string, outcome: string) => {
      const y = await makeYoungPerson(t.db, pid);
      await t.db.updateTable('young_people').set({ stage: 'ended', outcome }).where('id', '=', y.id).execute();
      await t.db.insertInto('initiative_links').values({ partnership_id: pid, young_person_id: y.id, initiative_id: initiative.id }).execute();
    };
    await t.db.deleteFrom('initiative_links').where('initiative_id', '=', initiative.id).execute();
    const a = await makePartnership(t.db);
    const b = await makePartnership(t.db);
    for (let i = 0; i < 6; i++) await link(a.id, 'education');
    await link(b.id, 'disability_pension');
    const o = await outcomesOf(t.db, initiative.id);
    // Partnership B's single young person is in no figure: A's own 6 are all there is to see.
    expect(o.linked).toBe(6);
    expect(o.ended.find((e) => e.outcome === 'disability_pension')).toBeUndefined();
    expect(o.ended).toEqual([{ outcome: 'education', count: 6 }]);
  });

  it('property: what a published figure minus one partnership\'s own counts leaves is never a count from 1 to 4', () => {
    const cats = ['inProgress', 'education', 'flex_job', 'disability_pension', 'public_benefits'];
    const partnershipArb = fc.array(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 })), { minLength: cats.length, maxLength: cats.length });
    fc.assert(fc.property(fc.array(partnershipArb, { minLength: 1, maxLength: 4 }), (parts) => {
      const rows: OutcomeCountRow[] = parts.flatMap((cells, p) => cells.map((n, k) => ({
        partnership_id: `p${p}`, stage: k === 0 ? 'in_placement' : 'ended', outcome: k === 0 ? null : cats[k], n,
      })).filter((r) => r.n > 0));
      const o = aggregateOutcomes(rows);
      const shown = new Map<string, number | null>([['inProgress', o.inProgress], ...o.ended.map((e) => [e.outcome, e.count] as [string, number | null])]);
      const small = (x: number) => x >= 1 && x <= 4;
      for (const own of [...parts, cats.map(() => 0)]) { // each partnership, and an outsider who knows nothing
        const n = own.reduce((x, y) => x + y, 0);
        const counted = n >= 5 ? own : cats.map(() => 0); // a partnership under 5 is in no figure
        const others = (o.linked ?? 0) - counted.reduce((x, y) => x + y, 0);
        expect(small(others)).toBe(false);
        let rest = others;
        for (const [k, c] of cats.entries()) {
          const v = shown.has(c) ? shown.get(c)! : 0; // a category not listed is 0
          if (v === null) continue;
          expect(small(v - counted[k])).toBe(false);
          rest -= v - counted[k];
        }
        // What is left for the hidden categories together is no small count either.
        expect(small(rest)).toBe(false);
      }
    }), { numRuns: runs(300) });
  });
});
