// Builds import files as Excel and Danish Excel's CSV export make them (tests and the benchmark).
import { writeXlsx } from './sheet.ts';

export function xlsxOf(headers: string[], rows: string[][]) {
  return writeXlsx('Ark1', headers, rows);
}

/** CSV as Danish Excel saves it: semicolons, CRLF, in UTF-8 (with or without BOM) or Windows-1252. */
export function csvOf(headers: string[], rows: string[][], encoding: 'utf-8' | 'utf-8-bom' | 'windows-1252' = 'utf-8-bom'): Buffer {
  const q = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = [headers, ...rows].map((r) => r.map(q).join(';')).join('\r\n') + '\r\n';
  if (encoding === 'windows-1252') return encode1252(text);
  return Buffer.from((encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8');
}

/** Windows-1252 for the characters Danish text uses (Latin-1 range, plus the euro sign and typographic quotes). */
export function encode1252(text: string): Buffer {
  const extra: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97 };
  return Buffer.from([...text].map((c) => extra[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

export const XLSX_HEADERS = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
export const CSV_HEADERS = { 'content-type': 'text/csv' };
