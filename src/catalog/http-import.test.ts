import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { loadCatalogFixture } from './fixtures/alter.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

it('an admin imports the catalog over HTTP (file as body), exports it as CSV, and a bad CSV imports nothing', async () => {
  const p = await makePartnership(t.db);
  const admin = await t.login((await makeUser(t.db, p.id, 'admin')).email);
  const counsellor = await t.login((await makeUser(t.db, p.id, 'counsellor')).email);
  const md = { 'content-type': 'text/markdown; charset=utf-8' };
  expect((await counsellor.post('/api/catalog/import', loadCatalogFixture(), md)).statusCode).toBe(403);
  expect((await t.anonymous().post('/api/catalog/import', loadCatalogFixture(), md)).statusCode).toBe(401);

  const res = await admin.post('/api/catalog/import?fileName=katalog.md', loadCatalogFixture(), md);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toMatchObject({ format: 'text', total: 54, added: 54, changed: 0, unchanged: 0, refused: null });
  expect(res.json().report.at(-1)).toBe('Tilføjet: 54, ændret: 0, uændret: 0.');
  const imports = await t.db.selectFrom('catalog_imports').selectAll().execute();
  expect(imports).toHaveLength(1);
  expect(imports[0]).toMatchObject({ via: 'http', file_name: 'katalog.md', added: 54 });

  const csv = await counsellor.get('/api/catalog/export?format=csv');
  expect(csv.statusCode).toBe(200);
  expect(csv.headers['content-type']).toMatch(/text\/csv/);
  const back = await admin.post('/api/catalog/import?fileName=x.csv', csv.body, { 'content-type': 'text/csv' });
  expect(back.json()).toMatchObject({ format: 'csv', added: 0, changed: 0, unchanged: 54 });

  const bad = await admin.post('/api/catalog/import', 'title;status\r\n;projekt\r\n', { 'content-type': 'text/csv' });
  expect(bad.json().refused).toMatch(/Intet er indlæst/);
  expect(bad.json().report[0]).toMatch(/^Række 2 \(fejl\): titel mangler/);
  expect((await t.db.selectFrom('catalog_imports').selectAll().execute())).toHaveLength(2);
  expect((await admin.post('/api/catalog/import', '{}', { 'content-type': 'application/json' })).statusCode).toBe(400);
});
