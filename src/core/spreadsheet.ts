// Guarded reading of uploaded spreadsheets (XLSX, and the row/cell checks for
// CSV and other text), shared by every import: the catalog, young people,
// companies and mentors. An XLSX is a zip: a 9.5 MB file unpacked to 448 MB and
// killed a server process, a 350 KB file held one 300 MB cell. So before exceljs
// sees a file, every zip entry is really inflated with a cap on its output (the
// sizes a zip declares can lie), the worksheets' rows and cells are counted in
// the unpacked XML, and only then is the workbook loaded; each cell's text is
// checked again after loading. Too much answers 413, bad content 400, in Danish.
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from './errors.ts';

export interface SpreadsheetLimits {
  /** The file as uploaded. */
  fileBytes: number;
  /** All zip entries of an XLSX together, unpacked. */
  unpackedBytes: number;
  /** Data rows (the header row not counted). */
  rows: number;
  /** Cells in all worksheets together: bounds exceljs' memory. */
  cells: number;
  /** Characters in one cell: Excel's own limit, so no file Excel made is refused for it. */
  cellChars: number;
}

export const SPREADSHEET_LIMITS: SpreadsheetLimits = {
  fileBytes: 10 * 1024 * 1024,
  unpackedBytes: 40 * 1024 * 1024,
  rows: 20_000,
  cells: 500_000,
  cellChars: 32_767,
};

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
const num = (n: number) => n.toLocaleString('da-DK');

/** 413: the file is bigger than an import takes. */
export const tooLarge = (message: string) => new AppError(413, 'file_too_large', message);
/** 400: the file's content cannot be imported as it is. */
export const badFile = (message: string) => new AppError(400, 'bad_file', message);
/** 400: the file is not a readable spreadsheet at all. */
export const unreadable = () =>
  new AppError(400, 'unreadable_file', 'Filen kunne ikke læses som en Excel-fil (.xlsx). Gem den igen som "Excel-projektmappe" eller som CSV.');

/** True for the refusals this module throws (a CLI prints the message and exits 1). */
export const isSpreadsheetRefusal = (e: unknown): e is AppError =>
  e instanceof AppError && ['file_too_large', 'bad_file', 'unreadable_file'].includes(e.code);

export function limitsWith(overrides: Partial<SpreadsheetLimits> = {}): SpreadsheetLimits {
  return { ...SPREADSHEET_LIMITS, ...overrides };
}

export function checkFileSize(bytes: number, limits = SPREADSHEET_LIMITS) {
  if (bytes > limits.fileBytes) throw tooLarge(`Filen er på ${MB(bytes)}; der kan højst indlæses ${MB(limits.fileBytes)} ad gangen. Del den op i flere filer.`);
}

/** "A", …, "Z", "AA": the column letter a person sees in Excel (1-based). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const tooManyRows = (limits: SpreadsheetLimits) =>
  tooLarge(`Filen har mere end ${num(limits.rows)} rækker; der kan højst indlæses ${num(limits.rows)} ad gangen. Del den op i flere filer.`);
const longCell = (row: number, col: number, limits: SpreadsheetLimits) =>
  badFile(`Række ${row}, kolonne ${columnLetter(col)}: cellen er længere end ${num(limits.cellChars)} tegn. Gør teksten kortere.`);

/**
 * Rows and cell lengths of records already parsed (CSV, or rows from an XLSX).
 * records[0] is row 1 (the header).
 */
export function checkRecords(records: readonly (readonly string[])[], limits = SPREADSHEET_LIMITS) {
  if (records.length > limits.rows + 1) throw tooManyRows(limits);
  records.forEach((cells, r) => cells.forEach((c, i) => {
    if (c.length > limits.cellChars) throw longCell(r + 1, i + 1, limits);
  }));
}

// --- the zip inside an XLSX --------------------------------------------------

interface ZipEntry { name: string; data: Buffer }

const u16 = (b: Buffer, at: number) => b.readUInt16LE(at);
const u32 = (b: Buffer, at: number) => b.readUInt32LE(at);

function endOfCentralDirectory(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (u32(zip, i) === 0x06054b50) return i;
  }
  throw unreadable();
}

/**
 * Every entry of the zip, inflated with a cap on the real output: the total may
 * not pass limits.unpackedBytes whatever the headers claim. Throws 413 or 400.
 */
export function unpackXlsx(zip: Buffer, limits = SPREADSHEET_LIMITS): ZipEntry[] {
  checkFileSize(zip.length, limits);
  const bomb = () => tooLarge(`Filen fylder mere end ${MB(limits.unpackedBytes)}, når den pakkes ud; der kan højst indlæses ${MB(limits.unpackedBytes)}. Del den op i flere filer.`);
  try {
    const eocd = endOfCentralDirectory(zip);
    const count = u16(zip, eocd + 10);
    let at = u32(zip, eocd + 16);
    if (count === 0xffff || at === 0xffffffff) throw unreadable(); // ZIP64: no spreadsheet of this size needs it
    if (count > 10_000) throw badFile('Filen indeholder for mange dele til at være et regneark.');
    const entries: ZipEntry[] = [];
    let total = 0;
    for (let i = 0; i < count; i++) {
      if (u32(zip, at) !== 0x02014b50) throw unreadable();
      const method = u16(zip, at + 10);
      const packed = u32(zip, at + 20);
      const declared = u32(zip, at + 24);
      const nameLength = u16(zip, at + 28);
      const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
      const local = u32(zip, at + 42);
      at += 46 + nameLength + u16(zip, at + 30) + u16(zip, at + 32);
      if (total + declared > limits.unpackedBytes) throw bomb();
      if (u32(zip, local) !== 0x04034b50) throw unreadable();
      const start = local + 30 + u16(zip, local + 26) + u16(zip, local + 28);
      const raw = zip.subarray(start, start + packed);
      if (raw.length !== packed) throw unreadable();
      let data: Buffer;
      if (method === 0) data = raw;
      else if (method === 8) {
        try {
          data = inflateRawSync(raw, { maxOutputLength: Math.max(1, limits.unpackedBytes - total) });
        } catch (e) {
          if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw bomb();
          throw unreadable();
        }
      } else throw unreadable();
      total += data.length;
      if (total > limits.unpackedBytes) throw bomb();
      entries.push({ name, data });
    }
    return entries;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unreadable(); // a truncated or garbled zip (reads past the end)
  }
}

const SHEET_XML = /^xl\/worksheets\/sheet\d+\.xml$/;

/**
 * Counts rows and cells in the unpacked XML before exceljs builds its objects,
 * and refuses a shared or inline string that cannot fit in a cell. The XML text
 * of a string is never shorter than the string, and at most 6 times longer
 * (`&quot;` is one character), so the exact check waits for the loaded cells.
 */
function precheckSheets(entries: ZipEntry[], limits: SpreadsheetLimits) {
  let cells = 0;
  for (const e of entries) {
    if (SHEET_XML.test(e.name)) {
      const xml = e.data.toString('utf8');
      let rows = 0;
      for (const m of xml.matchAll(/<row\b([^>]*)>/g)) {
        rows++;
        const number = Number(/\br="(\d+)"/.exec(m[1]!)?.[1] ?? 0);
        if (rows > limits.rows + 1 || number > limits.rows + 1) throw tooManyRows(limits);
      }
      cells += (xml.match(/<c\b/g) ?? []).length;
      if (cells > limits.cells) throw tooLarge(`Filen har mere end ${num(limits.cells)} celler; del den op i flere filer.`);
    }
    if (SHEET_XML.test(e.name) || e.name === 'xl/sharedStrings.xml') {
      for (const m of e.data.toString('utf8').matchAll(/<t\b[^>]*>([^<]*)<\/t>/g)) {
        if (m[1]!.length > limits.cellChars * 6) throw badFile(`En celle i filen er længere end ${num(limits.cellChars)} tegn. Gør teksten kortere.`);
      }
    }
  }
}

/** Unpacks under the caps, prechecks the sheets, then lets exceljs load the workbook. */
export async function loadXlsx(data: Buffer | Uint8Array, limits = SPREADSHEET_LIMITS): Promise<ExcelJS.Workbook> {
  const zip = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  precheckSheets(unpackXlsx(zip, limits), limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  return wb;
}

function isoDay(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** The text of a cell, whatever Excel made of it (numbers, dates as YYYY-MM-DD, rich text, links, formulas' results). */
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

/**
 * One worksheet as text records (records[0] is row 1), every cell's length
 * checked. The sheet is the one named `sheet`, else the first.
 */
export function sheetRecords(wb: ExcelJS.Workbook, sheet?: string, limits = SPREADSHEET_LIMITS): string[][] {
  const ws = (sheet ? wb.getWorksheet(sheet) : undefined) ?? wb.worksheets[0];
  if (!ws) throw badFile('Excel-filen har ingen ark.');
  if (ws.rowCount > limits.rows + 1) throw tooManyRows(limits);
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const text = cellText(cell.value);
      if (text.length > limits.cellChars) throw longCell(r, col, limits);
      cells[col - 1] = text;
    });
    out[r - 1] = Array.from(cells, (c) => c ?? '');
  });
  return Array.from(out, (r) => r ?? []);
}

/** The guarded reader in one call: an XLSX's sheet as text records, or 413/400. */
export async function readXlsxRecords(data: Buffer | Uint8Array, opts: { sheet?: string; limits?: SpreadsheetLimits } = {}): Promise<string[][]> {
  const limits = opts.limits ?? SPREADSHEET_LIMITS;
  return sheetRecords(await loadXlsx(data, limits), opts.sheet, limits);
}
