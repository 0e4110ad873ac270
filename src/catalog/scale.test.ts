// Search on the real catalog (54) and on a synthetic catalog made from it: every
// search with facets answers and the counts add up. The speed on 5,000
// initiatives is measured by `npm run bench -- catalog`.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { parseCatalog } from './parse/parse.ts';
import { loadCatalogFixture } from './fixtures/alter.ts';
import { applyEntries } from './import.ts';
import { searchCatalog, type CatalogFilter } from './queries.ts';
import { syntheticCatalog } from './synthetic.ts';

export const SCALE_QUERIES: CatalogFilter[] = [
  {}, { q: 'mentorer' }, { q: 'praktik' }, { q: 'virksomhed' }, { q: 'faellesskab' }, { q: 'psykisk sårbare unge' },
  { q: 'mentor', tag: 'praktik' }, { ageBand: '18_24', status: 'project' }, { q: 'mentr' },
];

let t: TestApp;
const real = parseCatalog(loadCatalogFixture(), { today: '2026-11-25' }).entries;
beforeAll(async () => {
  t = await createTestApp();
  await t.db.transaction().execute((trx) => applyEntries(trx, real, { fileName: 'real.md', format: 'text', via: 'cli' }));
}, 120_000);
afterAll(async () => t?.close());

it('answers every search with facets on the real catalog and on 540 initiatives, the synthetic copies found like the real ones', async () => {
  const before = await Promise.all(SCALE_QUERIES.map((f) => searchCatalog(t.db, f)));
  const synthetic = syntheticCatalog(real, 540);
  await t.db.transaction().execute((trx) => applyEntries(trx, synthetic, { fileName: 'synthetic.csv', format: 'csv', via: 'cli' }));
  expect((await searchCatalog(t.db, {})).total).toBe(540);
  // Each real initiative now has about nine copies: a search that found some finds more.
  const after = await Promise.all(SCALE_QUERIES.map((f) => searchCatalog(t.db, f)));
  expect(before.filter((r) => r.total > 0).length).toBeGreaterThanOrEqual(SCALE_QUERIES.length - 1);
  after.forEach((r, i) => {
    const label = JSON.stringify(SCALE_QUERIES[i]);
    if (before[i]!.total > 0) expect(r.total, label).toBeGreaterThan(before[i]!.total);
  });
}, 300_000);
