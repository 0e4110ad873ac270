import { SUPPRESSED_MARK, type CellValue, type ReportColumn, type ReportTable } from './types.ts';

export interface CsvOptions {
  /** ',' (RFC 4180) or ';' (what Danish Excel expects; decimals then use a comma). */
  separator?: ',' | ';';
}

const BOM = '\uFEFF';

/** A text cell starting with one of these would be run as a formula by a spreadsheet. */
const FORMULA_START = /^[=+\-@\t\r]/;

function quote(s: string, sep: string): string {
  return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsvCell(v: CellValue, col: ReportColumn, suppressed: boolean, sep: string): string {
  if (suppressed) return SUPPRESSED_MARK;
  if (v === null) return '';
  if (typeof v === 'number') {
    // Shares as fractions (0.4375) keep full precision for further calculation.
    const s = col.kind === 'share' ? String(Math.round(v * 10_000) / 10_000) : String(Math.round(v * 100) / 100);
    return sep === ';' ? s.replace('.', ',') : s;
  }
  const text = FORMULA_START.test(v) ? `'${v}` : v;
  return quote(text, sep);
}

/**
 * UTF-8 with a byte order mark, so Danish Excel opens æøå correctly; CRLF line
 * ends (RFC 4180). Several tables are written one after another, each with its
 * title on a line of its own and a blank line between them.
 */
export function toCsv(tables: ReportTable[], opts: CsvOptions = {}): string {
  const sep = opts.separator ?? ',';
  const lines: string[] = [];
  tables.forEach((t, k) => {
    if (k > 0) lines.push('');
    if (tables.length > 1) lines.push(quote(t.title, sep));
    lines.push(t.columns.map((c) => quote(c.label, sep)).join(sep));
    for (const r of t.rows) {
      lines.push(r.cells.map((v, i) => formatCsvCell(v, t.columns[i], !!r.suppressed?.[i], sep)).join(sep));
    }
    if (t.note && tables.length > 1) lines.push(quote(t.note, sep));
  });
  return BOM + lines.join('\r\n') + '\r\n';
}
