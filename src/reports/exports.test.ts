import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { toCsv } from './export-csv.ts';
import { toXlsx, sheetName } from './export-xlsx.ts';
import { toPdf, pdfFonts } from './export-pdf.ts';
import { buildReport, forView } from './report.ts';
import { paaVejCohort } from './testing.ts';
import type { ReportTable } from './types.ts';

const bundle = () => buildReport({
  partnership: { id: 'p1', name: 'PÅ VEJ – Billund' },
  period: { from: '2025-01-01', to: '2025-12-31', asOf: '2026-09-01' },
  records: paaVejCohort(),
  facts: { job_openings: Array(52).fill('2026-03-01') },
  goals: [
    { id: 'selvforsoergende', kind: 'share', title: 'Selvforsørgende via uddannelse eller ordinært job', target: 0.25, population: { field: 'startedAt', op: 'exists' }, success: { field: 'status', op: 'in', values: ['education', 'ordinary_employment'] } },
    { id: 'jobaabninger', kind: 'count', title: '75 jobåbninger i 2026', target: 75, entity: 'job_openings', from: '2026-01-01', to: '2026-12-31' },
  ],
  missing: ['Mentorer: tabellerne findes endnu ikke.'],
});

describe('CSV export', () => {
  it('starts with a BOM, quotes correctly and keeps æøå', () => {
    const t: ReportTable = {
      id: 'x', title: 'Test', columns: [{ key: 'a', label: 'Navn', kind: 'text' }, { key: 'b', label: 'Antal', kind: 'count' }, { key: 'c', label: 'Andel', kind: 'share' }],
      rows: [
        { key: '1', cells: ['Søren "Sønnike" Ærø, Åby', 3, 0.4375] },
        { key: '2', cells: ['=HYPERLINK("x")', 2, null], suppressed: [false, true, false] },
        { key: '3', cells: ['linje\nto', 0, 0] },
      ],
    };
    const csv = toCsv([t]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Navn,Antal,Andel');
    expect(lines[1]).toBe('"Søren ""Sønnike"" Ærø, Åby",3,0.4375');
    // A formula would run in Excel: it is written as text.
    expect(lines[2]).toBe(`"'=HYPERLINK(""x"")",..,`);
    expect(lines[3]).toBe('"linje\nto",0,0');
    const semi = toCsv([t], { separator: ';' }).slice(1).split('\r\n');
    expect(semi[1]).toBe('"Søren ""Sønnike"" Ærø, Åby";3;0,4375');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes every table of a report with its title', () => {
    const csv = toCsv(bundle().tables, { separator: ';' });
    expect(csv).toContain('Resultater for unge startet i perioden');
    expect(csv).toContain('Tilbage på offentlig forsørgelse;14;0,4375');
  });
});

describe('XLSX export', () => {
  it('has a sheet per table with numbers as numbers and percent formats', async () => {
    const b = bundle();
    const buf = await toXlsx(b.tables, { partnership: b.partnership.name, period: '2025', view: 'Team' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBe(b.tables.length);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('Resultater');
    const row = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === 'Tilbage på offentlig forsørgelse')!;
    expect(row.getCell(2).value).toBe(14);
    expect(row.getCell(2).numFmt).toBe('#,##0');
    expect(row.getCell(3).value).toBeCloseTo(0.4375);
    expect(row.getCell(3).numFmt).toBe('0.0%');
  });

  it('makes valid, unique sheet names', () => {
    const used = new Set<string>();
    expect(sheetName('Status 6 måneder: [test]/x', used)).toBe('Status 6 måneder test x');
    expect(sheetName('Status 6 måneder: [test]/x', used)).toBe('Status 6 måneder test x (2)');
  });

  it('exports the twelve status tables (3, 6, 12 months after start or mentor match, by readiness or placement kind) with telling sheet names', async () => {
    const b = bundle();
    const cohorts = b.tables.filter((x) => x.id.startsWith('cohort_'));
    expect(cohorts.length).toBe(12);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toXlsx(cohorts, { partnership: b.partnership.name, period: '2025', view: 'Team' }) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '3 mdr. start, parathed', '6 mdr. start, parathed', '12 mdr. start, parathed',
      '3 mdr. start, praktikform', '6 mdr. start, praktikform', '12 mdr. start, praktikform',
      '3 mdr. mentor, parathed', '6 mdr. mentor, parathed', '12 mdr. mentor, parathed',
      '3 mdr. mentor, praktikform', '6 mdr. mentor, praktikform', '12 mdr. mentor, praktikform',
    ]);
    expect(wb.worksheets[11].getCell('A1').value).toBe('Status 12 måneder efter mentormatch fordelt på første praktikform');
    const csv = toCsv(cohorts, { separator: ';' });
    for (const c of cohorts) expect(csv).toContain(c.title);
  });
});

describe('steering-group PDF', () => {
  it('renders partnership, period, key figures, outcome table, charts and goals with Danish letters', async () => {
    const b = forView(bundle(), 'suppressed', 5);
    const pdf = await toPdf(b);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(path.join(tmpdir(), 'report-pdf-'));
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('PÅ VEJ – Billund');
    expect(text).toContain('Periode: 2025-01-01 – 2025-12-31');
    expect(text).toContain('Tilbage på offentlig forsørgelse');
    expect(text).toContain('Førtidspension');
    expect(text).toContain('Unge startet i perioden');
    expect(text).toContain('Tragt: fra henvisning til job eller uddannelse');
    expect(text).toContain('Unge startet pr. måned');
    expect(text).toContain('75 jobåbninger i 2026');
    expect(text).toContain('52 af 75');
    expect(text).toContain('ca. 10 af ca. 30');
    expect(text).toMatch(/\.\./); // hidden small counts
    expect(text).not.toMatch(/Flexjob\s+3\b/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(path.basename(pdfFonts().regular).startsWith('IBMPlex') ? /IBMPlexSans/ : /DejaVu/);
    if (process.env.REPORT_PNG) {
      mkdirSync('test-output', { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', file, 'test-output/report-pdf']);
    }
  }, 60_000);
});
