import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadCatalogFixture } from '../fixtures/alter.ts';
import { CATALOG_HEADERS, entriesToRows, formatRowProblems, rowsToEntries, type CatalogRow } from './columns.ts';
import { readCatalogCsv, writeCatalogCsv } from './csv.ts';
import { parseCatalog } from './parse.ts';
import { readCatalogXlsx, writeCatalogXlsx } from './xlsx.ts';

const { entries } = parseCatalog(loadCatalogFixture(), { today: '2021-06-01' });

function validRow(overrides: CatalogRow = {}): CatalogRow {
  return { ...entriesToRows([entries[0]])[0], ...overrides };
}

describe('rows', () => {
  it('round-trip entries through rows', () => {
    expect(rowsToEntries(entriesToRows(entries))).toEqual({ entries, problems: [] });
  });

  it('reject invalid rows with row-numbered Danish messages', () => {
    const rows = [
      validRow(),
      validRow({ key: '', title: '' }),
      validRow({ key: 'x/a', age_min: 'femten' }),
      validRow({ key: 'x/b', age_min: '30', age_max: '18' }),
      validRow({ key: 'x/c', age_max: '120' }),
      validRow({ key: 'x/d', status: 'måske' }),
      validRow({ key: 'x/e', period_start: '2020-13-01' }),
      validRow(),
      validRow({ key: 'x/f', tags: 'mentor; flyvning', status: 'forankret' }),
    ];
    const result = rowsToEntries(rows);
    expect(result.entries.map((e) => e.key)).toEqual([entries[0].key, 'x/f']);
    expect(result.entries[1]).toMatchObject({ tags: ['mentor'], status: 'anchored' });
    expect(formatRowProblems(result.problems)).toBe(
      [
        'Række 3: titel mangler (kolonnen title)',
        'Række 4: age_min "femten" er ikke et helt tal mellem 0 og 99',
        'Række 5: age_min (30) er større end age_max (18)',
        'Række 6: age_max "120" er ikke et helt tal mellem 0 og 99',
        'Række 7: status "måske" er ikke en af project, anchored, ended',
        'Række 8: period_start "2020-13-01" er ikke en dato på formen ÅÅÅÅ-MM-DD',
        `Række 9: nøglen "${entries[0].key}" findes også i række 2; rækken er sprunget over`,
        'Række 10: ukendt tag "flyvning" er udeladt',
      ].join('\n'),
    );
  });
});

describe('CSV', () => {
  it('writes UTF-8 with BOM, ";" and quoting, and reads the entries back unchanged', () => {
    const csv = writeCatalogCsv(entries);
    expect(csv.startsWith('\uFEFFkey;title;owner;')).toBe(true);
    // A comma needs no quotes when ";" separates cells.
    expect(csv).toContain(';Samspil – mellem skoler, virksomheder og ungdomsuddannelser;');
    expect(readCatalogCsv(csv)).toEqual({ entries, problems: [] });
  });

  it('reads back a comma-separated file without BOM', () => {
    const csv = writeCatalogCsv(entries, { separator: ',', bom: false });
    expect(csv.startsWith('key,title,')).toBe(true);
    expect(csv).toContain(',"Samspil – mellem skoler, virksomheder og ungdomsuddannelser",');
    expect(readCatalogCsv(csv)).toEqual({ entries, problems: [] });
  });

  it('quotes separators, quotes and line breaks, and guards cells that look like formulas', () => {
    const tricky = { ...entries[0], title: 'A; "B"\nC', description: { ...entries[0].description, general: '=HYPERLINK("x")' } };
    const csv = writeCatalogCsv([tricky]);
    expect(csv).toContain('"A; ""B""\nC"');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(readCatalogCsv(csv).entries[0]).toEqual(tricky);
  });

  it('reports bad rows by spreadsheet row number, counting multi-line cells as one row', () => {
    const header = CATALOG_HEADERS.join(';');
    const lines = [
      header,
      'k/a;"Titel med\nlinjeskift";Herning Kommune;;15;25;mentor;project;;;;;;;;;;;;1',
      'k/b;Uden alder;Herning Kommune;;abc;;;project;;;;;;;;;;;;2',
      'k/c;;Herning Kommune;;;;;project;;;;;;;;;;;;3',
      'k/d;Forkert status;Herning Kommune;;;;;snart;;;;;;;;;;;;4',
    ];
    const result = readCatalogCsv(lines.join('\r\n'));
    expect(result.entries.map((e) => e.title)).toEqual(['Titel med\nlinjeskift']);
    expect(formatRowProblems(result.problems)).toBe(
      [
        'Række 3: age_min "abc" er ikke et helt tal mellem 0 og 99',
        'Række 4: titel mangler (kolonnen title)',
        'Række 5: status "snart" er ikke en af project, anchored, ended',
      ].join('\n'),
    );
  });

  it('never throws on broken files', () => {
    expect(readCatalogCsv('').problems[0]).toEqual({ row: 1, message: 'filen er tom' });
    expect(readCatalogCsv('foo;bar\n1;2').problems).toContainEqual({ row: 1, message: 'kolonnen "title" mangler i overskriftsrækken' });
    const unclosed = readCatalogCsv('title;status\n"Åben;project\nNæste;project');
    expect(unclosed.problems.some((p) => p.message.includes('citationstegn'))).toBe(true);
  });
});

describe('XLSX', () => {
  it('writes a workbook that reads back to the same entries', async () => {
    const buf = await writeCatalogXlsx(entries);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    expect(await readCatalogXlsx(buf)).toEqual({ entries, problems: [] });
  });

  it('reads rows edited in Excel (numbers, dates, rich text) and reports bad rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Indsatskatalog');
    ws.addRow([...CATALOG_HEADERS]);
    const col = (h: string) => CATALOG_HEADERS.indexOf(h) + 1;
    const add = (values: Record<string, ExcelJS.CellValue>) => {
      const row = ws.addRow([]);
      for (const [h, v] of Object.entries(values)) row.getCell(col(h)).value = v;
    };
    add({ title: { richText: [{ text: 'Rig ' }, { text: 'tekst' }] }, owner: 'Skive Kommune', age_min: 18, age_max: 30, status: 'project', period_start: new Date(Date.UTC(2020, 0, 1)) });
    add({ title: 'Dårlig alder', owner: 'Skive Kommune', age_min: 'atten', status: 'project' });
    add({ title: 'Ingen status', owner: 'Skive Kommune' });
    const result = await readCatalogXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]).toMatchObject({ key: 'skive-kommune/rig-tekst', title: 'Rig tekst', ageRange: { min: 18, max: 30 }, period: { text: '', start: '2020-01-01' } });
    expect(formatRowProblems(result.problems)).toBe('Række 3: age_min "atten" er ikke et helt tal mellem 0 og 99\nRække 4: status mangler');
  });

  it('reports a file that is not a workbook instead of throwing', async () => {
    const result = await readCatalogXlsx(Buffer.from('ikke en excel-fil'));
    expect(result.entries).toEqual([]);
    expect(result.problems[0].message).toMatch(/^filen kunne ikke læses som Excel-fil/);
  });
});
