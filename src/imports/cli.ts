// `npm run cli -- import|export young-people|companies|mentors FILE --partnership SLUG [--dry-run]`
// for the municipality's IT. The report goes to stdout; the exit code is 0 only
// when everything was imported (a dry run: when everything would be).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Command } from '../cli/commands.ts';
import { loadConfig } from '../core/config.ts';
import { openMigratedDatabase } from '../core/runtime.ts';
import { progressLine } from '../cli/progress.ts';
import { importFile } from './import-file.ts';
import { exportSet } from './export-set.ts';
import { findPartnership } from './queries.ts';
import { IMPORT_SETS, type ImportSetName } from './set.ts';

const log = (line: string) => console.log(line);
const SETS = IMPORT_SETS.join('|');

function parse(args: string[], withDryRun: boolean) {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { partnership: { type: 'string' }, ...(withDryRun ? { 'dry-run': { type: 'boolean', default: false } } : {}) },
  });
  const [set, file] = positionals;
  if (!set || !IMPORT_SETS.includes(set as ImportSetName) || !file || !values.partnership) {
    throw new Error(`usage: ${withDryRun ? 'import' : 'export'} ${SETS} FILE --partnership SLUG${withDryRun ? ' [--dry-run]' : ''}`);
  }
  return { set: set as ImportSetName, file, slug: values.partnership, dryRun: Boolean((values as Record<string, unknown>)['dry-run']) };
}

async function withPartnership<T>(slug: string, work: (db: Awaited<ReturnType<typeof openMigratedDatabase>>['db'], partnershipId: string) => Promise<T>) {
  // Migration messages go to stderr: stdout is the report.
  const database = await openMigratedDatabase(loadConfig(), (line) => console.error(line));
  try {
    const p = await findPartnership(database.db, { slug });
    if (!p) throw new Error(`Netværket "${slug}" findes ikke.`);
    return await work(database.db, p.id);
  } finally {
    await database.close();
  }
}

export const importCommands: Command[] = [
  {
    name: 'import',
    usage: `import ${SETS} FILE --partnership SLUG [--dry-run]`,
    summary: 'Import young people, companies or mentors from .csv/.xlsx (all or nothing; --dry-run only reports).',
    help: 'The report is printed row by row. Exit code 0 only when everything was imported (with --dry-run: would be). See docs/imports.md.',
    run: async (args) => {
      const { set, file, slug, dryRun } = parse(args, true);
      const data = readFileSync(file);
      const report = await withPartnership(slug, (db, partnershipId) => importFile(db, {
        set, fileName: path.basename(file), data, dryRun, actor: { userId: null, partnershipId, role: null },
        onProgress: process.stdout.isTTY ? (done, total) => progressLine(`Importerer ${done}/${total}`, done === total) : undefined,
      }));
      for (const line of report.lines) log(line);
      const ok = report.problems.length === 0 && report.counts.error === 0 && (dryRun || report.imported);
      if (!ok) process.exitCode = 1;
    },
  },
  {
    name: 'export',
    usage: `export ${SETS} FILE.csv|FILE.xlsx --partnership SLUG`,
    summary: 'Export young people, companies or mentors in the import layout (CSV with BOM and semicolons, or XLSX).',
    run: async (args) => {
      const { set, file, slug } = parse(args, false);
      const format = file.toLowerCase().endsWith('.xlsx') ? 'xlsx' : file.toLowerCase().endsWith('.csv') ? 'csv' : null;
      if (!format) throw new Error('FILE must end in .csv or .xlsx');
      const out = await withPartnership(slug, (db, partnershipId) => exportSet(db, { set, format, actor: { userId: null, partnershipId, role: null } }));
      writeFileSync(file, out.data);
      log(`Skrev ${out.count} rækker til ${file}.`);
    },
  },
];
