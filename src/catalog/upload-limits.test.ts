// Issue #22: a 9.5 MB XLSX unpacking to 448 MB killed a server process; a 350 KB
// file with one 300 MB cell gave 500; the CLI crashed on both. Now: 413/400 in
// Danish over HTTP, a problem report and exit code 1 on the command line, and the
// server keeps serving. The files are made in memory (test/helpers/xlsx-bombs.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { cliDatabaseEnv, runCli } from '../../test/helpers/cli.ts';
import { bombXlsx, hugeCellXlsx, manyRowsXlsx } from '../../test/helpers/xlsx-bombs.ts';
import { CATALOG_HEADERS } from './parse/columns.ts';

const XLSX = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
let t: TestApp;
let admin: TestClient;

async function catalogXlsx(rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Indsatskatalog');
  ws.addRow([...CATALOG_HEADERS]);
  for (const r of rows) ws.addRow(CATALOG_HEADERS.map((h) => r[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const entry = (title: string, extra: Record<string, string> = {}) => ({ title, owner: 'Skive Kommune', status: 'project', ...extra });

beforeAll(async () => {
  t = await createTestApp();
  const p = await makePartnership(t.db);
  admin = await t.login((await makeUser(t.db, p.id, 'admin')).email);
});
afterAll(async () => t?.close());

describe('catalog upload limits over HTTP', () => {
  it('a 1.4 MB XLSX that unpacks to 450 MB is 413, the process survives and nothing is imported', async () => {
    const before = process.memoryUsage().rss;
    const res = await admin.post('/api/catalog/import?fileName=bombe.xlsx', bombXlsx(), XLSX);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'file_too_large', message: expect.stringMatching(/^Filen fylder mere end 40 MB, når den pakkes ud/) });
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
    expect((await t.anonymous().get('/api/catalog')).statusCode).toBe(200);
    expect(await t.db.selectFrom('catalog_imports').selectAll().execute()).toEqual([]);
  });

  it('a 300 KB file with one 300 MB cell is 413; a 40,000-character cell is 400 naming row and column; a CSV cell too', async () => {
    expect((await admin.post('/api/catalog/import?fileName=celle.xlsx', hugeCellXlsx(), XLSX)).statusCode).toBe(413);
    const long = await admin.post('/api/catalog/import', await catalogXlsx([entry('Fin'), entry('Lang', { background: 'x'.repeat(40_000) })]), XLSX);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toMatch(/^Række 3, kolonne [A-Z]+: cellen er længere end 32\.767 tegn/);
    const csv = `title;owner;status;background\r\nLang;Skive Kommune;project;${'y'.repeat(40_000)}\r\n`;
    const viaCsv = await admin.post('/api/catalog/import', csv, { 'content-type': 'text/csv' });
    expect(viaCsv.statusCode).toBe(400);
    expect(viaCsv.json().error.message).toMatch(/Indsatsen "Lang" har en tekst på mere end 32\.767 tegn/);
    expect(await t.db.selectFrom('initiatives').select('key').execute()).toEqual([]);
  });

  it('more than 20,000 rows is 413; a file within the limits still imports', async () => {
    const res = await admin.post('/api/catalog/import', manyRowsXlsx(20_002), XLSX);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toMatch(/mere end 20\.000 rækker/);
    const ok = await admin.post('/api/catalog/import', await catalogXlsx([entry('Fin')]), XLSX);
    expect(ok.json()).toMatchObject({ format: 'xlsx', added: 1, refused: null });
  });
});

describe('catalog upload limits on the command line', () => {
  let env: Record<string, string | undefined>;
  let close: () => Promise<void>;
  beforeAll(async () => ({ env, close } = await cliDatabaseEnv()));
  afterAll(async () => close?.());

  it('prints the problem and exits 1 for the zip bomb and the 300 MB cell, without a crash', async () => {
    const dir = mkdtempSync(path.resolve('.tmp', 'catalog-limits-'));
    const bomb = path.join(dir, 'bombe.xlsx');
    const cell = path.join(dir, 'celle.xlsx');
    writeFileSync(bomb, bombXlsx());
    writeFileSync(cell, hugeCellXlsx());
    for (const file of [bomb, cell]) {
      const r = await runCli(['catalog', 'import', file], env);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stdout).toMatch(/Intet er indlæst: Filen fylder mere end 40 MB, når den pakkes ud/);
      expect(r.stderr).not.toMatch(/heap|RangeError|at /);
    }
  }, 240_000);
});
