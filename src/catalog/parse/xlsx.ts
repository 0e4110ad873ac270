// XLSX export/import of the catalog (exceljs), in the layout of columns.ts.
// Sheet "Indsatskatalog" holds one row per initiative; sheet "Kolonner"
// explains the columns in Danish. The reader takes the "Indsatskatalog" sheet
// (or the first one), tolerates cells Excel turned into numbers, dates, rich
// text or hyperlinks, and never throws.

import ExcelJS from 'exceljs';
import { CATALOG_COLUMNS, CATALOG_HEADERS, entriesToRows, rowsToEntries, type CatalogRow } from './columns.ts';
import type { CatalogEntryDraft, RowProblem, RowsResult } from './types.ts';

const SHEET = 'Indsatskatalog';
const NUMERIC = new Set(['age_min', 'age_max', 'source_line']);

export async function writeCatalogXlsx(entries: CatalogEntryDraft[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fodfæste';
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = CATALOG_COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const row of entriesToRows(entries)) {
    const values: Record<string, string | number> = {};
    for (const h of CATALOG_HEADERS) {
      const v = row[h] ?? '';
      // Numbers stay numbers so Excel can sort and filter on age.
      values[h] = NUMERIC.has(h) && v !== '' ? Number(v) : v;
    }
    ws.addRow(values).alignment = { vertical: 'top', wrapText: true };
  }
  const doc = wb.addWorksheet('Kolonner');
  doc.columns = [
    { header: 'kolonne', key: 'header', width: 16 },
    { header: 'betydning', key: 'meaning', width: 100 },
  ];
  doc.getRow(1).font = { bold: true };
  for (const c of CATALOG_COLUMNS) doc.addRow({ header: c.header, meaning: c.meaning });
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

function isoDay(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** The text of a cell, whatever Excel made of it. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return isoDay(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return String(value);
}

export async function readCatalogXlsx(data: Buffer | ArrayBuffer | Uint8Array): Promise<RowsResult> {
  const wb = new ExcelJS.Workbook();
  try {
    const bytes = data instanceof ArrayBuffer ? data : data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength);
    await wb.xlsx.load(bytes as ArrayBuffer);
  } catch (error) {
    return { entries: [], problems: [{ row: 0, message: `filen kunne ikke læses som Excel-fil (xlsx): ${String(error)}` }] };
  }
  const ws = wb.getWorksheet(SHEET) ?? wb.worksheets[0];
  if (!ws) return { entries: [], problems: [{ row: 0, message: 'filen har ingen ark' }] };

  const problems: RowProblem[] = [];
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col] = cellText(cell.value).trim().toLowerCase();
  });
  for (const h of headers) {
    if (h && !CATALOG_HEADERS.includes(h)) problems.push({ row: 1, message: `ukendt kolonne "${h}" ignoreres` });
  }
  if (!headers.includes('title')) {
    return { entries: [], problems: [...problems, { row: 1, message: 'kolonnen "title" mangler i overskriftsrækken' }] };
  }
  const rows: CatalogRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row: CatalogRow = {};
    const excelRow = ws.getRow(r);
    headers.forEach((h, col) => {
      if (h) row[h] = cellText(excelRow.getCell(col).value);
    });
    rows.push(row);
  }
  const result = rowsToEntries(rows, 2);
  return { entries: result.entries, problems: [...problems, ...result.problems].sort((a, b) => a.row - b.row) };
}
