import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeYoungPerson } from '../../test/helpers/factories.ts';
import { importCatalogFile } from './import.ts';
import { loadCatalogFixture } from './fixtures/alter.ts';
import { outcomesOf } from './present.ts';

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
