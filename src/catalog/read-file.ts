// Reads a catalog file by its extension: the published text (.md/.txt), or the
// spreadsheet layout (.csv/.xlsx, docs/catalog-columns.md). Problems get a
// Danish place ("Linje 12", "Række 4") and a severity: an error means an entry
// or a piece of its text would be lost, so the import refuses the whole file.
import { parseCatalog } from './parse/parse.ts';
import { readCatalogCsv } from './parse/csv.ts';
import { readCatalogXlsx } from './parse/xlsx.ts';
import type { CatalogEntryDraft } from './parse/types.ts';
import { badFile, checkFileSize, SPREADSHEET_LIMITS, tooLarge, type SpreadsheetLimits } from '../core/spreadsheet.ts';

export type CatalogFormat = 'text' | 'csv' | 'xlsx';

export interface ImportProblem {
  /** "Linje" for the text format, "Række" for spreadsheets (row 1 = header). */
  place: 'Linje' | 'Række';
  at: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ReadResult {
  format: CatalogFormat;
  entries: CatalogEntryDraft[];
  problems: ImportProblem[];
}

export function formatOf(fileName: string): CatalogFormat | null {
  const ext = fileName.toLowerCase().split('.').pop();
  if (ext === 'md' || ext === 'txt') return 'text';
  if (ext === 'csv') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  return null;
}

// Text-format problems that lose something; the rest are notes (a name was
// corrected, a field is empty, stray text was kept in the description).
const TEXT_LOSS = /sprunget over|intern fejl/;
// Spreadsheet problems are errors (the row is not imported) except a left-out tag.
const ROW_NOTE = /ukendt tag .* er udeladt/;

/**
 * Reads a catalog file under the shared upload limits (src/core/spreadsheet.ts):
 * a file, sheet or entry count over them throws 413, a text longer than a cell
 * may be 400 (a 300 MB cell reached the search index and gave 500).
 */
export async function readCatalogFile(fileName: string, data: Buffer, today?: Date | string, limits: SpreadsheetLimits = SPREADSHEET_LIMITS): Promise<ReadResult> {
  const format = formatOf(fileName);
  if (!format) throw new Error(`Filtypen kendes ikke: "${fileName}". Brug .md, .txt, .csv eller .xlsx.`);
  checkFileSize(data.length, limits);
  let result: ReadResult;
  if (format === 'text') {
    const r = parseCatalog(data.toString('utf8'), today ? { today } : {});
    result = {
      format,
      entries: r.entries,
      problems: r.problems.map((p) => ({ place: 'Linje', at: p.line, message: p.message, severity: TEXT_LOSS.test(p.message) ? 'error' : 'warning' })),
    };
  } else {
    const r = format === 'csv' ? readCatalogCsv(data.toString('utf8')) : await readCatalogXlsx(data, limits);
    result = {
      format,
      entries: r.entries,
      problems: r.problems.map((p) => ({ place: 'Række', at: p.row, message: p.message, severity: ROW_NOTE.test(p.message) ? 'warning' : 'error' })),
    };
  }
  checkEntries(result.entries, limits);
  return result;
}

/** Every format: no more entries than a sheet may have rows, no text longer than a cell may be. */
function checkEntries(entries: CatalogEntryDraft[], limits: SpreadsheetLimits) {
  if (entries.length > limits.rows) throw tooLarge(`Filen har mere end ${limits.rows.toLocaleString('da-DK')} indsatser; del den op i flere filer.`);
  for (const entry of entries) {
    const stack: unknown[] = [entry];
    while (stack.length) {
      const v = stack.pop();
      if (typeof v === 'string' && v.length > limits.cellChars) {
        throw badFile(`Indsatsen "${entry.title.slice(0, 80)}" har en tekst på mere end ${limits.cellChars.toLocaleString('da-DK')} tegn. Gør teksten kortere.`);
      }
      if (v && typeof v === 'object') stack.push(...Object.values(v));
    }
  }
}

/** One Danish line per problem: "Linje 12 (fejl): …". */
export function formatImportProblems(problems: ImportProblem[]): string[] {
  return problems.map((p) => `${p.place} ${p.at} (${p.severity === 'error' ? 'fejl' : 'bemærkning'}): ${p.message}`);
}
