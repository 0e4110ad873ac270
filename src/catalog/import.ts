// Imports catalog entries all-or-nothing: one transaction, entries matched by
// their stable key, and a report of what was added, changed and unchanged.
import type { Db, Trx } from '../core/db.ts';
import type { CatalogEntryDraft } from './parse/types.ts';
import { readCatalogFile, type CatalogFormat, type ImportProblem } from './read-file.ts';
import { initiativeColumns } from './search-text.ts';
import type { SpreadsheetLimits } from '../core/spreadsheet.ts';

export interface ImportOutcome {
  added: string[];
  changed: string[];
  unchanged: string[];
}

export interface ImportReport extends ImportOutcome {
  format: CatalogFormat;
  total: number;
  problems: ImportProblem[];
  /** Why nothing was imported; null when the import went through. */
  refused: string | null;
}

export interface ImportMeta {
  fileName: string;
  format: CatalogFormat;
  via: 'cli' | 'http' | 'demo';
  importedBy?: string | null;
  warnings?: number;
  onProgress?: (done: number, total: number) => void;
}

const CHUNK = 200;

/** Writes the entries inside the caller's transaction and records the import. */
export async function applyEntries(trx: Trx, entries: CatalogEntryDraft[], meta: ImportMeta): Promise<ImportOutcome> {
  const existing = new Map(
    (await trx.selectFrom('initiatives').select(['key', 'content_hash']).execute()).map((r) => [r.key, r.content_hash]),
  );
  const out: ImportOutcome = { added: [], changed: [], unchanged: [] };
  const source = `${meta.fileName}`;
  const rows = entries.map((e) => initiativeColumns(e, source));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const fresh = [];
    for (const row of rows.slice(i, i + CHUNK)) {
      const hash = existing.get(row.key);
      if (hash === undefined) fresh.push(row);
      else if (hash === row.content_hash) out.unchanged.push(row.key);
      else {
        await trx.updateTable('initiatives').set({ ...row, updated_at: new Date(), imported_at: new Date() }).where('key', '=', row.key).execute();
        out.changed.push(row.key);
      }
    }
    if (fresh.length) {
      await trx.insertInto('initiatives').values(fresh).execute();
      out.added.push(...fresh.map((r) => r.key));
    }
    meta.onProgress?.(Math.min(i + CHUNK, rows.length), rows.length);
  }
  await trx.insertInto('catalog_imports').values({
    imported_by: meta.importedBy ?? null, via: meta.via, file_name: meta.fileName, format: meta.format,
    added: out.added.length, changed: out.changed.length, unchanged: out.unchanged.length, warnings: meta.warnings ?? 0,
  }).execute();
  return out;
}

/**
 * Reads the file and imports it unless a problem would lose an entry: then
 * nothing is written and the report says why, with every problem's line/row.
 */
export async function importCatalogFile(
  db: Db,
  fileName: string,
  data: Buffer,
  meta: Omit<ImportMeta, 'fileName' | 'format' | 'warnings'>,
  limits?: SpreadsheetLimits,
): Promise<ImportReport> {
  // Over the upload limits this throws 413/400 (src/core/spreadsheet.ts): nothing is written.
  const read = await readCatalogFile(fileName, data, undefined, limits);
  const base = { format: read.format, total: read.entries.length, problems: read.problems, added: [], changed: [], unchanged: [] };
  const errors = read.problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) return { ...base, refused: `Intet er indlæst: ${errors} fejl i filen skal rettes først.` };
  if (read.entries.length === 0) return { ...base, refused: 'Intet er indlæst: filen indeholder ingen indsatser.' };
  const outcome = await db.transaction().execute((trx) =>
    applyEntries(trx, read.entries, { ...meta, fileName, format: read.format, warnings: read.problems.length }));
  return { ...base, ...outcome, refused: null };
}
