// The guarded spreadsheet reader (issue #22): hostile files are refused with 413/400
// before exceljs builds anything, whatever sizes the zip headers claim.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bombXlsx, hugeCellXlsx } from '../../test/helpers/xlsx-bombs.ts';
import { checkRecords, limitsWith, readXlsxRecords, unpackXlsx } from './spreadsheet.ts';

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Ark');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const status = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { status?: number; message: string }) => `${e.status} ${e.message}`);

describe('guarded XLSX reader', () => {
  it('a file that unpacks to 450 MB is 413 after at most 40 MB of inflating, also when its headers claim 4 KB', async () => {
    const t0 = performance.now();
    expect(await status(readXlsxRecords(bombXlsx()))).toMatch(/^413 Filen fylder mere end 40 MB, når den pakkes ud/);
    expect(() => unpackXlsx(bombXlsx(450, { lie: true }))).toThrow(/fylder mere end 40 MB/);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(process.memoryUsage().rss).toBeLessThan(1.5 * 1024 ** 3);
  });

  it('a 300 KB file with one 300 MB cell is 413; a configured smaller limit refuses a 2 MB cell the same way', async () => {
    const file = hugeCellXlsx();
    expect(file.length).toBeLessThan(400 * 1024);
    expect(await status(readXlsxRecords(file))).toMatch(/^413 /);
    expect(await status(readXlsxRecords(hugeCellXlsx(2), { limits: limitsWith({ unpackedBytes: 1024 * 1024 }) }))).toMatch(/^413 /);
  });

  it('a cell longer than Excel allows (32,767 characters) is 400 naming its row and column', async () => {
    const file = await xlsx([['title', 'description'], ['Ok', 'kort'], ['Lang', 'x'.repeat(40_000)]]);
    expect(await status(readXlsxRecords(file))).toBe('400 Række 3, kolonne B: cellen er længere end 32.767 tegn. Gør teksten kortere.');
    // A shared string so long that the XML alone shows it: refused before exceljs loads the file.
    expect(await status(readXlsxRecords(hugeCellXlsx(1), { limits: limitsWith({ cellChars: 1000 }) }))).toMatch(/^400 En celle i filen er længere end 1\.000 tegn/);
  });

  it('more rows than the limit is 413, counted in the XML before loading; within the limits the text comes back', async () => {
    const rows = [['navn'], ...Array.from({ length: 30 }, (_, i) => [`række ${i}`])];
    expect(await status(readXlsxRecords(await xlsx(rows), { limits: limitsWith({ rows: 20 }) }))).toMatch(/^413 Filen har mere end 20 rækker/);
    const ok = await readXlsxRecords(await xlsx([['navn', 'alder'], ['Ali', 19]]));
    expect(ok).toEqual([['navn', 'alder'], ['Ali', '19']]);
  });

  it('garbage is 400 (not an Excel file); CSV-like records are checked by the same rules', async () => {
    expect(await status(readXlsxRecords(Buffer.from('ikke en excel-fil')))).toMatch(/^400 Filen kunne ikke læses som en Excel-fil/);
    expect(await status(readXlsxRecords((await xlsx([['a']])).subarray(0, 200)))).toMatch(/^400 /);
    expect(() => checkRecords([['a'], ['b'], ['c']], limitsWith({ rows: 1 }))).toThrow(/mere end 1 rækker/);
    expect(() => checkRecords([['a', 'b'], ['ok', 'x'.repeat(11)]], limitsWith({ cellChars: 10 }))).toThrow('Række 2, kolonne B');
  });
});
