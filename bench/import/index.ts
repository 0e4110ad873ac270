/**
 * `npm run bench -- import [--rows 10000]`: builds an XLSX of young people as a
 * partnership would export it from Excel (Danish headers, dag.måned.år, a third
 * of them historic pathways with outcomes), then times the dry run and the
 * all-or-nothing import into a new partnership. PGlite in memory by default;
 * PostgreSQL when DATABASE_URL is set (use a throwaway database: the rows stay).
 * The last line is JSON with import_10k_s (target: under 30 s).
 */
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../src/core/config.ts';
import { openMigratedDatabase } from '../../src/core/runtime.ts';
import { importFile } from '../../src/imports/import-file.ts';
import { xlsxOf } from '../../src/imports/testkit.ts';

const FIRST = ['Mads', 'Sofie', 'Emil', 'Ida', 'Noah', 'Freja', 'Lucas', 'Emma', 'Oscar', 'Alma', 'Søren', 'Åse', 'Jørgen', 'Ærtebølle'];
const LAST = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Møller', 'Kjær'];
const OUTCOMES = ['Ordinær beskæftigelse', 'Fleksjob', 'Førtidspension', 'Uddannelse', 'Offentlig forsørgelse', 'Stadig aktiv'];
const pad = (n: number) => String(n).padStart(2, '0');

export function youngPeopleRows(n: number) {
  const headers = ['Fornavn', 'Efternavn', 'Fødselsdato', 'Telefon', 'E-mail', 'Postnummer', 'Henvist af', 'Sagsnummer', 'Forælder/værge', 'Værges telefon', 'Startdato', 'Resultat', 'Uddannelse', 'Resultatdato'];
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const historic = i % 3 === 0;
    const birth = `${pad(1 + (i % 28))}.${pad(1 + (i % 12))}.${2000 + (i % 6)}`;
    const outcome = historic ? OUTCOMES[i % OUTCOMES.length]! : '';
    rows.push([
      FIRST[i % FIRST.length]!, `${LAST[(i * 7) % LAST.length]!} ${i}`, birth, `2${String(1000000 + i).padStart(7, '0')}`, `ung${i}@bench.invalid`,
      String(7000 + (i % 999)), i % 4 === 0 ? 'Skole' : 'Kommunen', `SAG-${i}`, 'Forælder Efternavn', '30303030',
      historic ? `0${1 + (i % 9)}.09.2019` : '', outcome, outcome === 'Uddannelse' ? 'FGU' : '', historic ? `15.0${1 + (i % 9)}.2021` : '',
    ]);
  }
  return { headers, rows };
}

export async function main(args: string[]) {
  const { values } = parseArgs({ args, options: { rows: { type: 'string', default: '10000' } } });
  const n = Number(values.rows);
  const config = loadConfig();
  const engine = config.DATABASE_URL ? 'postgres' : 'pglite';
  const database = await openMigratedDatabase(config.DATABASE_URL ? config : { ...config, DATA_DIR: 'memory://' });
  try {
    const slug = `bench-import-${randomBytes(3).toString('hex')}`;
    const p = await database.db.insertInto('partnerships').values({ name: 'Benchmark', slug, age_min: 15, age_max: 29 }).returning('id').executeTakeFirstOrThrow();
    const { headers, rows } = youngPeopleRows(n);
    let t = performance.now();
    const file = await xlsxOf(headers, rows);
    const buildS = (performance.now() - t) / 1000;
    const actor = { userId: null, partnershipId: p.id, role: null };
    t = performance.now();
    const dry = await importFile(database.db, { set: 'young-people', fileName: 'unge.xlsx', data: file, actor, dryRun: true });
    const dryS = (performance.now() - t) / 1000;
    if (dry.counts.create !== n) throw new Error(`dry run: expected ${n} to create, got ${JSON.stringify(dry.counts)}\n${dry.lines.slice(-5).join('\n')}`);
    t = performance.now();
    const done = await importFile(database.db, { set: 'young-people', fileName: 'unge.xlsx', data: file, actor, dryRun: false });
    const importS = (performance.now() - t) / 1000;
    if (!done.imported || done.counts.create !== n) throw new Error(`import failed: ${JSON.stringify(done.counts)}`);
    const stored = await database.db.selectFrom('young_people').select((eb) => eb.fn.countAll<number>().as('n')).where('partnership_id', '=', p.id).executeTakeFirstOrThrow();
    console.log(`engine ${engine}, ${n} young people, XLSX ${(file.byteLength / 1024).toFixed(0)} KB (built in ${buildS.toFixed(1)} s)`);
    console.log(`  dry run   ${dryS.toFixed(2)} s`);
    console.log(`  import    ${importS.toFixed(2)} s  (${Number(stored.n)} rows stored, target < 30 s)`);
    const key = n === 10_000 ? 'import_10k_s' : `import_${n}_s`;
    console.log(JSON.stringify({ engine, rows: n, [key]: Number(importS.toFixed(2)), dry_run_s: Number(dryS.toFixed(2)), xlsx_kb: Math.round(file.byteLength / 1024) }));
  } finally {
    await database.close();
  }
}
