// CSV export/import of the catalog in the layout of columns.ts.
//
// Written for Danish Excel: UTF-8 with BOM, ";" as separator by default (","
// and tab on request), CRLF between records, RFC 4180 quoting (cells with the
// separator, quotes, line breaks or edge spaces are quoted, quotes doubled).
// A cell starting with = + - @ gets a leading apostrophe so spreadsheet
// programs do not run it as a formula; the reader removes it again.

import { CATALOG_HEADERS, entriesToRows, rowsToEntries, type CatalogRow } from './columns.ts';
import type { CatalogEntryDraft, RowProblem, RowsResult } from './types.ts';

export type CsvSeparator = ';' | ',' | '\t';

export interface CsvWriteOptions {
  separator?: CsvSeparator;
  /** Prepend a UTF-8 byte order mark so Excel reads æ, ø, å right. Default true. */
  bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

function quote(value: string, separator: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  const needs = safe.includes(separator) || /["\r\n]/.test(safe) || /^\s|\s$/.test(safe);
  return needs ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function writeCatalogCsv(entries: CatalogEntryDraft[], options: CsvWriteOptions = {}): string {
  const separator = options.separator ?? ';';
  const lines = [CATALOG_HEADERS.map((h) => quote(h, separator)).join(separator)];
  for (const row of entriesToRows(entries)) {
    lines.push(CATALOG_HEADERS.map((h) => quote(row[h] ?? '', separator)).join(separator));
  }
  return (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}

/** The separator used in the header line: the most frequent of ; , and tab outside quotes. */
function detectSeparator(text: string): CsvSeparator {
  const header = text.split(/\r\n|\n|\r/, 1)[0].replace(/"[^"]*"/g, '');
  const counts: [CsvSeparator, number][] = [';', ',', '\t'].map((s) => [s as CsvSeparator, header.split(s).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : ';';
}

interface CsvRecord {
  cells: string[];
  /** Spreadsheet row number: the header is row 1. */
  row: number;
}

/** RFC 4180 reader that never throws: an unclosed quote runs to the end and is reported. */
export function parseCsvRecords(text: string, separator: string, problems: RowProblem[]): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRecord = () => {
    endCell();
    records.push({ cells, row: records.length + 1 });
    cells = [];
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === separator) endCell();
    else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else cell += ch;
    i++;
  }
  if (quoted) problems.push({ row: records.length + 1, message: 'et citationstegn (") er ikke lukket; resten af filen er læst som én celle' });
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

function unguard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export function readCatalogCsv(input: string): RowsResult {
  const problems: RowProblem[] = [];
  const text = String(input ?? '').replace(/^\uFEFF/, '');
  const records = parseCsvRecords(text, detectSeparator(text), problems);
  if (records.length === 0) return { entries: [], problems: [{ row: 1, message: 'filen er tom' }] };
  const headers = records[0].cells.map((h) => h.trim().toLowerCase());
  for (const h of headers) {
    if (h && !CATALOG_HEADERS.includes(h)) problems.push({ row: 1, message: `ukendt kolonne "${h}" ignoreres` });
  }
  if (!headers.includes('title')) {
    problems.push({ row: 1, message: 'kolonnen "title" mangler i overskriftsrækken' });
    return { entries: [], problems };
  }
  const rows: CatalogRow[] = [];
  for (const record of records.slice(1)) {
    if (record.cells.length > headers.length && record.cells.slice(headers.length).some((c) => c.trim())) {
      problems.push({ row: record.row, message: `rækken har ${record.cells.length} celler, men der er kun ${headers.length} kolonner` });
    }
    const row: CatalogRow = {};
    headers.forEach((h, i) => {
      if (h) row[h] = unguard(record.cells[i] ?? '');
    });
    rows.push(row);
  }
  // Records are numbered like spreadsheet rows (header = 1), so data starts at row 2.
  const result = rowsToEntries(rows, 2);
  return { entries: result.entries, problems: [...problems, ...result.problems].sort((a, b) => a.row - b.row) };
}
