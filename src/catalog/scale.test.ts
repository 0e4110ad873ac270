// Search speed on the real catalog (54) and on a synthetic 5,000-entry catalog
// made from it (the real texts with numbered titles and shuffled owners).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { parseCatalog } from './parse/parse.ts';
import { loadCatalogFixture } from './fixtures/alter.ts';
import { applyEntries } from './import.ts';
import { searchCatalog, type CatalogFilter } from './queries.ts';
import type { CatalogEntryDraft } from './parse/types.ts';

let t: TestApp;
const real = parseCatalog(loadCatalogFixture(), { today: '2026-11-25' }).entries;
beforeAll(async () => {
  t = await createTestApp();
  await t.db.transaction().execute((trx) => applyEntries(trx, real, { fileName: 'real.md', format: 'text', via: 'cli' }));
}, 120_000);
afterAll(async () => t?.close());

const QUERIES: CatalogFilter[] = [
  {}, { q: 'mentorer' }, { q: 'praktik' }, { q: 'virksomhed' }, { q: 'faellesskab' }, { q: 'psykisk sårbare unge' },
  { q: 'mentor', tag: 'praktik' }, { ageBand: '18_24', status: 'project' }, { q: 'mentr' },
];

async function timeAll(label: string) {
  const times: number[] = [];
  for (const f of QUERIES) {
    await searchCatalog(t.db, f); // warm
    const t0 = performance.now();
    await searchCatalog(t.db, f);
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`${label} (${t.database.kind}): median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms over ${QUERIES.length} searches with facets`);
  return sorted.at(-1)!;
}

it('answers searches with facets well under a second on the real catalog and on 5,000 entries', async () => {
  expect(await timeAll('54 initiatives')).toBeLessThan(1000);
  const synthetic: CatalogEntryDraft[] = [];
  for (let i = 0; synthetic.length < 5000 - real.length; i++) {
    const e = real[i % real.length]!;
    const owner = real[(i * 7) % real.length]!.owner;
    synthetic.push({ ...e, key: `${e.key.split('/')[0]}/syntetisk-${i}`, title: `${e.title} ${i}`, owner, sourceLine: 0 });
  }
  await t.db.transaction().execute((trx) => applyEntries(trx, synthetic, { fileName: 'synthetic.csv', format: 'csv', via: 'cli' }));
  expect((await searchCatalog(t.db, {})).total).toBe(5000);
  expect(await timeAll('5,000 initiatives')).toBeLessThan(1000);
}, 600_000);
