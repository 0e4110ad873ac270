// `catalog import FILE` and `catalog export FILE`: the CLI side of the catalog.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../core/db.ts';
import { progressLine } from '../cli/progress.ts';
import { importCatalogFile } from './import.ts';
import { checkFileSize, isSpreadsheetRefusal } from '../core/spreadsheet.ts';
import { formatImportProblems } from './read-file.ts';
import { allDrafts } from './queries.ts';
import { writeCatalogCsv } from './parse/csv.ts';
import { writeCatalogXlsx } from './parse/xlsx.ts';

type Log = (line: string) => void;

/** Imports a file; returns the exit code (1 when refused). */
export async function catalogImportCommand(database: Database, file: string, log: Log): Promise<number> {
  let data: Buffer;
  try {
    // The size first: a file over the limit is refused without being read into memory.
    checkFileSize(statSync(file).size);
    data = readFileSync(file);
  } catch (error) {
    log(isSpreadsheetRefusal(error) ? `Intet er indlæst: ${error.message}` : `Filen "${file}" kan ikke læses.`);
    return 1;
  }
  log(`Læser ${path.basename(file)} …`);
  let report;
  try {
    report = await importCatalogFile(database.db, path.basename(file), data, {
      via: 'cli',
      onProgress: (done, total) => progressLine(`Indlæser indsatser: ${done} af ${total}`, done === total),
    });
  } catch (error) {
    // Over the upload limits (unpacked size, rows, cell length): the same Danish report as over HTTP.
    if (!isSpreadsheetRefusal(error)) throw error;
    log(`Intet er indlæst: ${error.message}`);
    return 1;
  }
  log(`Fundet ${report.total} indsatser.`);
  if (report.problems.length) {
    log(`${report.problems.length} bemærkninger og fejl:`);
    for (const line of formatImportProblems(report.problems)) log(`  ${line}`);
  }
  if (report.refused) {
    log(report.refused);
    return 1;
  }
  log(`Tilføjet: ${report.added.length}, ændret: ${report.changed.length}, uændret: ${report.unchanged.length}.`);
  for (const key of report.changed) log(`  ændret: ${key}`);
  return 0;
}

export async function catalogExportCommand(database: Database, file: string, log: Log): Promise<number> {
  const ext = file.toLowerCase().split('.').pop();
  if (ext !== 'csv' && ext !== 'xlsx') {
    log('Eksport kan kun skrives som .csv eller .xlsx.');
    return 1;
  }
  const entries = await allDrafts(database.db);
  writeFileSync(file, ext === 'csv' ? writeCatalogCsv(entries) : await writeCatalogXlsx(entries));
  log(`Skrev ${entries.length} indsatser til ${file}.`);
  return 0;
}
