// Column layouts of the three import sets. Each column has its Danish header
// (used on export and in messages), the other names it is known by in Danish
// and English, and the parser of its cells. Headers are matched by name in any
// order; case, spaces, dashes and a trailing * do not matter.
import type { Sheet } from './sheet.ts';
import { CellProblem, cellHasCpr, clean } from './values.ts';

export const CPR_MESSAGE_IMPORT = 'Cellen ligner et CPR-nummer. Fodfæste gemmer aldrig CPR-numre: fjern nummeret fra filen, og prøv igen.';

export interface Column<K extends string = string> {
  key: K;
  /** The Danish header: written on export, named in messages. */
  header: string;
  aliases: string[];
  required?: boolean;
  parse: (v: string) => unknown;
}

export interface RowProblem { row: number; column: string | null; message: string }
export interface ParsedRow<K extends string> {
  row: number;
  values: Partial<Record<K, unknown>>;
  problems: RowProblem[];
}

export const normHeader = (h: string) =>
  h.toLowerCase().normalize('NFC').replace(/e-mail/g, 'email').replace(/[*:().?]/g, '').replace(/[\s_/-]+/g, ' ').trim();

export interface Layout<K extends string> {
  /** Column index in the file for each known column. */
  at: Map<K, number>;
  problems: RowProblem[];
}

/** Finds each column by its header; a missing required column or a column named twice is a problem in row 1. */
export function matchHeaders<K extends string>(sheet: Sheet, columns: readonly Column<K>[]): Layout<K> {
  const at = new Map<K, number>();
  const problems: RowProblem[] = [];
  sheet.headers.forEach((h, i) => {
    const n = normHeader(h);
    if (!n) return;
    const col = columns.find((c) => normHeader(c.header) === n || c.aliases.some((a) => normHeader(a) === n));
    if (!col) return;
    if (at.has(col.key)) problems.push({ row: 1, column: h, message: `Kolonnen "${col.header}" står der to gange.` });
    else at.set(col.key, i);
  });
  for (const c of columns) {
    if (c.required && !at.has(c.key)) problems.push({ row: 1, column: c.header, message: `Kolonnen "${c.header}" mangler i overskriftsrækken.` });
  }
  return { at, problems };
}

/** Parses each row's known cells; any cell (known or not) with a CPR-like value refuses the row. */
export function parseRows<K extends string>(sheet: Sheet, columns: readonly Column<K>[], layout: Layout<K>): ParsedRow<K>[] {
  return sheet.rows.map(({ row, cells }) => {
    const problems: RowProblem[] = [];
    const values: Partial<Record<K, unknown>> = {};
    cells.forEach((cell, i) => {
      if (cellHasCpr(cell)) problems.push({ row, column: sheet.headers[i] || `kolonne ${i + 1}`, message: CPR_MESSAGE_IMPORT });
    });
    if (problems.length) return { row, values, problems };
    for (const c of columns) {
      const i = layout.at.get(c.key);
      const raw = i === undefined ? '' : clean(cells[i]);
      if (raw === '') {
        if (c.required) problems.push({ row, column: c.header, message: `${c.header} skal udfyldes.` });
        continue;
      }
      try {
        values[c.key] = c.parse(raw);
      } catch (err) {
        if (!(err instanceof CellProblem)) throw err;
        problems.push({ row, column: c.header, message: err.message });
      }
    }
    return { row, values, problems };
  });
}

/** "Række 5, kolonne «Fødselsdato»: …" */
export function describeProblem(p: RowProblem): string {
  return `Række ${p.row}${p.column ? `, kolonne «${p.column}»` : ''}: ${p.message}`;
}
