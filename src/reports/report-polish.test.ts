// Issue #21, reports: one median everywhere, whole-word sheet names, a cohort
// that cannot be filled says why, a file name without a double hyphen, and
// "1 dag" / "2 dage" by i18next plurals.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import i18next from 'i18next';
import { toCsv } from './export-csv.ts';
import { sheetName, toXlsx } from './export-xlsx.ts';
import { toPdf } from './export-pdf.ts';
import { exportFileName } from './export-name.ts';
import { buildReport } from './report.ts';
import { cohortTable } from './cohorts.ts';
import { daysText } from './labels.ts';
import type { PathwayRecord } from './types.ts';

/** Two young people placed after 84 and 85 days: the median is 84.5 days, which is 85 whole days. */
const records: PathwayRecord[] = [
  { id: 'a', startedAt: '2025-01-01', outcome: null, placements: [{ kind: 'work_placement', startedAt: '2025-03-26' }] },
  { id: 'b', startedAt: '2025-01-01', outcome: null, placements: [{ kind: 'work_placement', startedAt: '2025-03-27' }] },
];
const bundle = () => buildReport({ partnership: { id: 'p', name: 'PÅ VEJ – Billund (test)' }, period: { from: '2025-01-01', to: '2025-12-31', asOf: '2026-08-31' }, records, facts: {}, goals: [] });

async function pdfText(buf: Buffer): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'polish-'));
  writeFileSync(path.join(dir, 'r.pdf'), buf);
  return execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
}

describe('reports read the same in every output (issue #21)', () => {
  it('the median is one number: 85 days on the page, in the CSV, the XLSX and the PDF (never 84,5)', async () => {
    const b = bundle();
    expect(b.keyFigures.find((k) => k.key === 'median_days')!.value).toBe(85);
    const time = b.tables.find((t) => t.id === 'time_to_placement')!;
    expect(time.rows.find((r) => r.key === 'median')!.cells[1]).toBe(85);
    const csv = toCsv([time], { separator: ';' });
    expect(csv).toContain('Median (dage);85');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toXlsx([time], { partnership: 'P', period: '2025', view: 'Team' }) as unknown as ArrayBuffer);
    const row = wb.worksheets[0].getRows(1, wb.worksheets[0].rowCount)!.find((r) => r.getCell(1).value === 'Median (dage)')!;
    expect(row.getCell(2).value).toBe(85);
    const text = await pdfText(await toPdf(b));
    expect(text).toMatch(/85 dage/);
    expect(text).not.toMatch(/84,5/);
  });

  it('days read "1 dag" and "2 dage" in the PDF and on the page (i18next plurals)', async () => {
    expect(daysText(1)).toBe('1 dag');
    expect(daysText(2)).toBe('2 dage');
    expect(daysText(0)).toBe('0 dage');
    const i18n = i18next.createInstance();
    const load = (lang: string) => JSON.parse(readFileSync(`web/src/features/reports/i18n/${lang}.json`, 'utf8'));
    await i18n.init({ lng: 'da', resources: { da: { reports: load('da') }, en: { reports: load('en') } } });
    const t = i18n.getFixedT('da', 'reports');
    expect(t('days', { count: 1, n: '1' })).toBe('1 dag');
    expect(t('days', { count: 85, n: '85' })).toBe('85 dage');
    expect(i18n.getFixedT('en', 'reports')('days', { count: 1, n: '1' })).toBe('1 day');
  });

  it('sheet names are cut after a whole word, never inside one', async () => {
    expect(sheetName('Tid fra start til første praktik (dage)', new Set())).toBe('Tid fra start til første');
    expect(sheetName('Deltagelse i fællesskabsaktiviteter og ungenetværk', new Set())).toBe('Deltagelse i');
    const b = bundle();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toXlsx(b.tables, { partnership: 'P', period: '2025', view: 'Team' }) as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) {
      expect(ws.name.length).toBeLessThanOrEqual(31);
      const title = String(ws.getCell('A1').value);
      // Each word of the name is a whole word of the title, or the name is one of the short names.
      const words = ws.name.replace(/ \(\d+\)$/, '').split(' ');
      const ok = words.every((w) => title.split(/\s+/).includes(w)) || /^\d+ mdr\. (start|mentor), (parathed|praktikform)$/.test(ws.name)
        || ['Resultater', 'Tragt', 'Tid til første praktik', 'Fra praktik til ansættelse', 'Afbrudte praktikker', 'Mål og resultater'].includes(ws.name);
      expect(ok, `${ws.name} (${title})`).toBe(true);
    }
  });

  it('a 12-month cohort that cannot be filled yet says why and when it can', () => {
    const t = cohortTable(records, { from: '2026-01-01', to: '2026-12-31', asOf: '2026-11-30', months: 12, anchor: 'start', by: 'readiness' });
    expect(t.note).toMatch(/Kan ikke udfyldes endnu: der er ikke gået 12 måneder siden periodens start\. Tidligst mulige statusdato er 2027-01-01\./);
    const partly = cohortTable(records, { from: '2025-01-01', to: '2025-12-31', asOf: '2026-08-31', months: 12, anchor: 'start', by: 'readiness' });
    expect(partly.note).toMatch(/Kun delvist udfyldt: unge med start efter 2025-08-31 er ikke med endnu/);
    const full = cohortTable(records, { from: '2024-01-01', to: '2024-12-31', asOf: '2026-08-31', months: 12, anchor: 'start', by: 'readiness' });
    expect(full.note).not.toMatch(/Kan ikke|delvist/);
  });

  it('the export file name has single hyphens only, and Danish letters spelled out', () => {
    const name = exportFileName('PÅ VEJ – Billund (test)', '2025-01-01', '2025-12-31', 'pdf');
    expect(name).toBe('resultater-paa-vej-billund-test-2025-01-01-2025-12-31.pdf');
    expect(exportFileName('Aulum Milen!', '2025-01-01', '2025-12-31', 'csv')).not.toMatch(/--/);
    expect(exportFileName('Fodfæste – Ørum & Å', '2025-01-01', '2025-12-31', 'xlsx')).toBe('resultater-fodfaeste-oerum-aa-2025-01-01-2025-12-31.xlsx');
  });
});
