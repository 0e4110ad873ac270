import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { importCatalogFile } from './import.ts';
import { loadCatalogFixture } from './fixtures/alter.ts';
import { searchCatalog } from './queries.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const report = await importCatalogFile(t.db, 'indsatskatalog-midtjylland.md', Buffer.from(loadCatalogFixture()), { via: 'cli' });
  expect(report.refused).toBeNull();
});
afterAll(async () => t?.close());

const titles = async (q: string) => (await searchCatalog(t.db, { q, limit: 100 })).hits.map((h) => h.title);
const texts = async (_q: string) => t.db.selectFrom('initiatives').select(['key', 'description_text', 'title', 'tags_text']).execute();

describe('Danish catalog search', () => {
  it('"mentorer" finds initiatives that only say "mentor"', async () => {
    const rows = await texts('');
    const onlyMentor = rows.filter((r) => /\bmentor\b/i.test(`${r.title} ${r.description_text}`) && !/mentorer/i.test(`${r.title} ${r.description_text}`));
    expect(onlyMentor.length).toBeGreaterThan(0);
    const found = await titles('mentorer');
    for (const r of onlyMentor) expect(found).toContain(r.title);
  });

  it('"praktik" finds initiatives that write "praktikker"', async () => {
    const rows = (await texts('')).filter((r) => /praktikker/i.test(r.description_text));
    expect(rows.length).toBeGreaterThan(0);
    const found = await titles('praktik');
    for (const r of rows) expect(found).toContain(r.title);
  });

  it('"virksomhed" finds initiatives that write "virksomhederne"', async () => {
    const rows = (await texts('')).filter((r) => /virksomhederne/i.test(r.description_text));
    expect(rows.length).toBeGreaterThan(0);
    const found = await titles('virksomhed');
    for (const r of rows) expect(found).toContain(r.title);
  });

  it('æ/ø/å written as ae/oe/aa find the same initiatives, and the other way round', async () => {
    expect(await titles('faellesskab')).toEqual(await titles('fællesskab'));
    expect((await titles('fællesskab')).length).toBeGreaterThan(0);
    expect(await titles('Cafe 16')).toContain('Café 16+');
    expect(await titles('soenderbro')).toEqual(await titles('sønderbro'));
    expect(await titles('Aarhus')).toEqual(await titles('Århus'));
  });

  it('ranks a title match first', async () => {
    expect((await titles('SKUB'))[0]).toBe('SKUB');
    expect((await titles('Ungevejen'))[0]).toMatch(/^Ungevejen/);
  });

  it('several words must all match; stop words do not empty the result', async () => {
    const both = await titles('mentor praktik');
    const mentor = await titles('mentor');
    const praktik = await titles('praktik');
    for (const title of both) {
      expect(mentor).toContain(title);
      expect(praktik).toContain(title);
    }
    expect((await titles('mentor og')).sort()).toEqual((await titles('mentor')).sort());
  });

  it('counts facets in SQL for the current filter', async () => {
    const all = await searchCatalog(t.db, {});
    expect(all.total).toBe(54);
    const ownerSum = all.facets.owner.reduce((s, f) => s + f.count, 0);
    expect(ownerSum).toBe(54);
    const statusSum = all.facets.status.reduce((s, f) => s + f.count, 0);
    expect(statusSum).toBe(54);
    const mentorTag = all.facets.tag.find((f) => f.value === 'mentor')!;
    const filtered = await searchCatalog(t.db, { tag: 'mentor', limit: 100 });
    expect(filtered.total).toBe(mentorTag.count);
    expect(filtered.hits.every((h) => h.tags.includes('mentor'))).toBe(true);
    expect(filtered.facets.tag.find((f) => f.value === 'mentor')!.count).toBe(mentorTag.count);
    const herning = await searchCatalog(t.db, { owner: 'Herning Kommune', limit: 100 });
    expect(herning.facets.owner).toEqual([{ value: 'Herning Kommune', count: herning.total }]);
    const band = await searchCatalog(t.db, { ageBand: '25_29', limit: 100 });
    expect(band.hits.every((h) => (h.age_min ?? 0) <= 29 && (h.age_max ?? 99) >= 25 && (h.age_min !== null || h.age_max !== null))).toBe(true);
    expect(band.total).toBe(all.facets.ageBand.find((f) => f.value === '25_29')!.count);
  });
});

describe('public catalog API', () => {
  it('searches without a session and returns facets', async () => {
    const res = await t.anonymous().get('/api/catalog?q=mentorer');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBeGreaterThan(0);
    expect(body.items[0]).toHaveProperty('key');
    expect(body.facets.owner.length).toBeGreaterThan(0);
  });

  it('opens one initiative by its shareable key without a session', async () => {
    const res = await t.anonymous().get('/api/catalog/syddjurs-kommune/cafe-16');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.title).toBe('Café 16+');
    expect(body.owner).toBe('Syddjurs Kommune');
    expect(body.outcomes).toEqual({ linked: 0, inProgress: null, ended: [] });
    expect((await t.anonymous().get('/api/catalog/syddjurs-kommune/findes-ikke')).statusCode).toBe(404);
    expect((await t.anonymous().get('/api/catalog/..%2F..%2Fetc')).statusCode).toBe(404);
  });

  it('refuses bad filters in Danish', async () => {
    const res = await t.anonymous().get('/api/catalog?status=draft');
    expect(res.statusCode).toBe(400);
  });
});
