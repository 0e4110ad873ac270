// Reads and writes the spreadsheets of the import (CSV and XLSX as Danish Excel
// makes them). The reader is guarded: file size, rows and cell length have caps,
// and every failure is a Danish sentence. It returns plain text cells keyed by
// the header row, so the rest of the import never sees a file format.
// NOTE: when a shared guarded reader lands in src/core (spreadsheet.ts), readSheet
// can delegate to it; its callers only depend on the Sheet shape below.
import ExcelJS from 'exceljs';
import { cellText, isSpreadsheetRefusal, limitsWith, loadXlsx } from '../core/spreadsheet.ts';

export const SHEET_LIMITS = { bytes: 10 * 1024 * 1024, rows: 20_000, cellChars: 10_000 } as const;
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetRow {
  /** The row number a person sees in Excel: the header is row 1. */
  row: number;
  cells: string[];
}
export interface Sheet {
  format: 'csv' | 'xlsx';
  /** 'utf-8', 'utf-8-bom' or 'windows-1252' for CSV; 'xlsx' otherwise. */
  encoding: string;
  headers: string[];
  rows: SheetRow[];
}

/** A file refused as a whole: 413 when it is larger than an import takes, else 400. */
export class SheetError extends Error {
  constructor(message: string, readonly status: 400 | 413 = 400) {
    super(message);
  }
}
const tooLarge = (message: string) => new SheetError(message, 413);

export function formatOfName(fileName: string): 'csv' | 'xlsx' | null {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'csv' || ext === 'txt' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252 (Danish Excel's "CSV (semikolonsepareret)"). */
export function decodeText(data: Uint8Array): { text: string; encoding: string } {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(data.subarray(3)), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(data), encoding: 'windows-1252' };
  }
}

function detectSeparator(firstLine: string): string {
  const bare = firstLine.replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((s) => [s, bare.split(s).length - 1] as const).sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ';';
}

/** RFC 4180 records; an unclosed quote is an error naming its row. */
export function parseCsv(text: string): string[][] {
  const sep = detectSeparator(text.split(/\r\n|\n|\r/, 1)[0] ?? '');
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let startRow = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') {
      quoted = true;
      startRow = records.length + 1;
    } else if (c === sep) {
      cells.push(cell); cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell); cell = '';
      records.push(cells); cells = [];
      if (records.length > SHEET_LIMITS.rows + 1) throw tooLarge(`Filen har mere end ${SHEET_LIMITS.rows} rækker. Del den op i flere filer.`);
    } else cell += c;
  }
  if (quoted) throw new SheetError(`Række ${startRow}: et anførselstegn (") er ikke lukket.`);
  if (cell !== '' || cells.length) { cells.push(cell); records.push(cells); }
  return records;
}


async function readXlsx(data: Uint8Array): Promise<string[][]> {
  let wb: ExcelJS.Workbook;
  try {
    // The shared guarded reader: unpacks under a cap and counts rows and cells before exceljs loads (a zip bomb never reaches it).
    wb = await loadXlsx(data, limitsWith({ rows: SHEET_LIMITS.rows, cellChars: SHEET_LIMITS.cellChars }));
  } catch (err) {
    if (isSpreadsheetRefusal(err)) throw new SheetError(err.message, err.status === 413 ? 413 : 400);
    throw new SheetError('Filen kunne ikke læses som en Excel-fil (.xlsx). Gem den igen som "Excel-projektmappe" eller som CSV.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new SheetError('Excel-filen har ingen ark.');
  if (ws.rowCount > SHEET_LIMITS.rows + 1) throw tooLarge(`Filen har mere end ${SHEET_LIMITS.rows} rækker. Del den op i flere filer.`);
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (r, n) => {
    const cells: string[] = [];
    r.eachCell({ includeEmpty: true }, (cell, col) => { cells[col - 1] = cellText(cell.value); });
    out[n - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(out, (r) => r ?? []);
}

export async function readSheet(fileName: string, data: Uint8Array): Promise<Sheet> {
  const format = formatOfName(fileName);
  if (!format) throw new SheetError(`Filtypen kendes ikke ("${fileName}"). Brug .csv eller .xlsx.`);
  if (data.byteLength > SHEET_LIMITS.bytes) throw tooLarge(`Filen er større end ${SHEET_LIMITS.bytes / 1024 / 1024} MB. Del den op i flere filer.`);
  let records: string[][];
  let encoding = 'xlsx';
  if (format === 'csv') {
    const decoded = decodeText(data);
    encoding = decoded.encoding;
    records = parseCsv(decoded.text);
  } else records = await readXlsx(data);
  const [header, ...body] = records;
  if (!header || header.every((h) => h.trim() === '')) throw new SheetError('Filen er tom: første række skal være kolonneoverskrifterne.');
  const rows: SheetRow[] = [];
  body.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const long = cells.findIndex((c) => c.length > SHEET_LIMITS.cellChars);
    if (long >= 0) throw new SheetError(`Række ${i + 2}, kolonne ${long + 1}: cellen er længere end ${SHEET_LIMITS.cellChars} tegn.`);
    rows.push({ row: i + 2, cells });
  });
  return { format, encoding, headers: header.map((h) => h.trim()), rows };
}

// --- writing ---------------------------------------------------------------

const FORMULA_START = /^[=+\-@\t\r]/;
function quote(value: string): string {
  // A leading = + - @ would run as a formula in Excel; the apostrophe keeps it text.
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) || /^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV for Danish Excel: UTF-8 with BOM, semicolons, CRLF. */
export function writeCsv(headers: string[], rows: string[][]): Buffer {
  const lines = [headers, ...rows].map((r) => r.map(quote).join(';'));
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

export async function writeXlsx(sheetName: string, headers: string[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fodfæste';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(headers).font = { bold: true };
  ws.columns.forEach((c) => { c.width = 18; });
  // Everything as text: a case number or postal code must not lose a leading zero.
  for (const r of rows) ws.addRow(r.map((v) => (FORMULA_START.test(v) ? `'${v}` : v)));
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
