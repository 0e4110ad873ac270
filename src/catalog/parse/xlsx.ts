// XLSX export/import of the catalog (exceljs), in the layout of columns.ts.
// Sheet "Indsatskatalog" holds one row per initiative; sheet "Kolonner"
// explains the columns in Danish. The reader takes the "Indsatskatalog" sheet
// (or the first one) and tolerates cells Excel turned into numbers, dates, rich
// text or hyperlinks. It throws only the 413/400 refusals of the guarded reader
// (src/core/spreadsheet.ts: unpacked size, rows, cell length).

import ExcelJS from 'exceljs';
import { AppError } from '../../core/errors.ts';
import { cellText, readXlsxRecords, type SpreadsheetLimits } from '../../core/spreadsheet.ts';
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

export { cellText };

/**
 * Reads the catalog sheet through the guarded reader (src/core/spreadsheet.ts):
 * a file over its limits throws 413/400 there; an unreadable file is a problem.
 */
export async function readCatalogXlsx(data: Buffer | ArrayBuffer | Uint8Array, limits?: SpreadsheetLimits): Promise<RowsResult> {
  const bytes = data instanceof ArrayBuffer ? Buffer.from(data) : data;
  let records: string[][];
  try {
    records = await readXlsxRecords(bytes, { sheet: SHEET, limits });
  } catch (error) {
    if (error instanceof AppError && error.code === 'unreadable_file') {
      return { entries: [], problems: [{ row: 0, message: 'filen kunne ikke læses som Excel-fil (xlsx)' }] };
    }
    throw error;
  }
  const problems: RowProblem[] = [];
  const headers = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  for (const h of headers) {
    if (h && !CATALOG_HEADERS.includes(h)) problems.push({ row: 1, message: `ukendt kolonne "${h}" ignoreres` });
  }
  if (!headers.includes('title')) {
    return { entries: [], problems: [...problems, { row: 1, message: 'kolonnen "title" mangler i overskriftsrækken' }] };
  }
  const rows: CatalogRow[] = records.slice(1).map((cells) => {
    const row: CatalogRow = {};
    headers.forEach((h, col) => {
      if (h) row[h] = cells[col] ?? '';
    });
    return row;
  });
  const result = rowsToEntries(rows, 2);
  return { entries: result.entries, problems: [...problems, ...result.problems].sort((a, b) => a.row - b.row) };
}
