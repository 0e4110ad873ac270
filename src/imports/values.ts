// Cell values as Danish Excel writes them: dates as dag.måned.år (or ISO, or an
// Excel date cell), decimal comma, list cells separated by comma. Each parser
// returns the value or throws a CellProblem with a Danish sentence.
import { containsCpr } from '../core/cpr.ts';

export class CellProblem extends Error {}

/** Leading/trailing spaces off, and the apostrophe our export puts before = + - @ removed. */
export function clean(v: string | undefined): string {
  const t = (v ?? '').trim();
  return /^'[=+\-@]/.test(t) ? t.slice(1) : t;
}

/**
 * A CPR-like value in a cell, also one Excel stored as a number and so lost its
 * leading zero (0101901234 → 101901234).
 */
export function cellHasCpr(v: string): boolean {
  return containsCpr(v) || (/^[0-9]{9}$/.test(v) && containsCpr(`0${v}`));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD from d.m.yyyy, d-m-yyyy, d/m/yyyy, yyyy-mm-dd or an Excel serial day number. */
export function parseDate(v: string): string {
  let y: number, m: number, d: number;
  let match: RegExpMatchArray | null;
  if ((match = v.match(/^(\d{4})-(\d{1,2})-(\d{1,2})$/))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = v.match(/^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if (/^\d{5}$/.test(v)) {
    // Excel's day number (1900 system) when a date column was formatted as a number.
    const t = new Date(Date.UTC(1899, 11, 30) + Number(v) * 86_400_000);
    [y, m, d] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
  } else throw new CellProblem('Datoen skal skrives som dag.måned.år, fx 24.12.2003.');
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || y < 1900 || y > 2100) {
    throw new CellProblem(`Datoen findes ikke (${v}). Skriv den som dag.måned.år.`);
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A number with decimal comma (3,5) or point; thousands separators are refused as ambiguous. */
export function parseNumber(v: string, opts: { integer?: boolean; min?: number; max?: number } = {}): number {
  const s = v.replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(s)) throw new CellProblem(`Skriv et tal${opts.integer ? ' uden decimaler' : ', fx 3,5'}.`);
  const n = Number(s.replace(',', '.'));
  if (opts.integer && !Number.isInteger(n)) throw new CellProblem('Skriv et helt tal.');
  if (opts.min !== undefined && n < opts.min) throw new CellProblem(`Tallet skal være mindst ${String(opts.min).replace('.', ',')}.`);
  if (opts.max !== undefined && n > opts.max) throw new CellProblem(`Tallet må højst være ${String(opts.max).replace('.', ',')}.`);
  return n;
}

const norm = (s: string) => s.toLowerCase().normalize('NFC').replace(/[\s_-]+/g, ' ').trim();

/** One of a fixed list: the code itself or one of its Danish/English words. */
export function parseChoice<T extends string>(v: string, words: Record<T, string[]>, what: string): T {
  const n = norm(v);
  for (const [code, list] of Object.entries(words) as [T, string[]][]) {
    if (norm(code) === n || list.some((w) => norm(w) === n)) return code;
  }
  const allowed = Object.values<string[]>(words).map((l) => l[0]).join(', ');
  throw new CellProblem(`"${v}" er ikke en kendt ${what}. Brug en af: ${allowed}.`);
}

/** A list cell ("praktik, løntilskud"): each part one of the fixed list. */
export function parseChoices<T extends string>(v: string, words: Record<T, string[]>, what: string): T[] {
  const parts = v.split(/[,/|]+/).map((p) => p.trim()).filter(Boolean);
  return [...new Set(parts.map((p) => parseChoice(p, words, what)))];
}

export function parsePhone(v: string): string {
  const s = v.replace(/[()-]/g, ' ').replace(/\s+/g, ' ').trim();
  if (!/^\+?[0-9 ]{8,15}$/.test(s)) throw new CellProblem('Telefonnummeret skal have mindst 8 cifre, fx 20 30 40 50.');
  return s;
}

export function parseEmail(v: string): string {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) || v.length > 254) throw new CellProblem('E-mailadressen er ikke gyldig, fx navn@eksempel.dk.');
  return v.toLowerCase();
}

export function parsePostalCode(v: string): string {
  if (!/^[0-9]{4}$/.test(v)) throw new CellProblem('Postnummeret skal være 4 cifre.');
  return v;
}

export function text(max: number) {
  return (v: string) => {
    if (v.length > max) throw new CellProblem(`Teksten må højst være ${max} tegn.`);
    return v;
  };
}

/** Folds a name the way the database's search_name does (æ→ae, ø→oe, å→aa, accents off, lower case). */
export function foldName(s: string): string {
  return s.replace(/Æ/g, 'ae').replace(/Ø/g, 'oe').replace(/Å/g, 'aa').replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')
    .normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
