/**
 * `npm run bench -- reports [--runs 9] [--months 12]`: times each report for the
 * biggest partnership in the database given by DATABASE_URL (PostgreSQL), or
 * without it in the PGlite database in DATA_DIR.
 * Meant for the region-scale dataset (`npm run cli -- generate --scale region`);
 * with less data it still runs and says so. Each figure is the median of
 * `runs` timed runs after one warm-up, in milliseconds, including the database
 * queries the report needs (as the API runs it). The last line is JSON.
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/core/config.ts';
import { openMigratedDatabase } from '../../src/core/runtime.ts';
import type { Db } from '../../src/core/db.ts';
import { countGoalFacts, loadNetwork, loadPathways, type ReportQuery } from '../../src/reports/queries.ts';
import { outcomeTable } from '../../src/reports/outcomes.ts';
import { breakdownTable, cohortTable, conversionTable, funnelTable, timeToFirstPlacement, timeToPlacementTable } from '../../src/reports/cohorts.ts';
import { evaluateGoal } from '../../src/reports/goals.ts';
import { runReport } from '../../src/reports/service.ts';
import { suppressTable } from '../../src/reports/suppress-report.ts';
import { toCsv } from '../../src/reports/export-csv.ts';
import { toXlsx } from '../../src/reports/export-xlsx.ts';
import { toPdf } from '../../src/reports/export-pdf.ts';
import { DEMO_GOALS } from '../../src/reports/seed.ts';
import { isoDate, addMonths } from '../../src/reports/dates.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The machine's 1-minute load average while each figure was taken (the machine may be shared). */
const loadBeside: Record<string, number> = {};
let current = '';

async function time(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  loadBeside[current] = Math.round(loadavg()[0] * 100) / 100;
  return Math.round(median(xs) * 10) / 10;
}

/** Times one figure and notes the load average beside it. */
const timed = (name: string, runs: number, fn: () => Promise<unknown>) => { current = name; return time(runs, fn); };

export async function main(args: string[]) {
  const { values } = parseArgs({ args, options: { runs: { type: 'string', default: '9' }, months: { type: 'string', default: '12' } } });
  const runs = Math.max(1, Number(values.runs));
  const config = loadConfig();
  // PostgreSQL via DATABASE_URL (the region figures), or the embedded PGlite database in DATA_DIR.
  console.log(`engine: ${config.DATABASE_URL ? 'PostgreSQL' : `PGlite (${config.DATA_DIR})`}`);
  const database = await openMigratedDatabase(config);
  const db: Db = database.db;
  try {
    const totals = (await db.selectFrom('young_people').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const companies = (await db.selectFrom('companies').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const big = await db.selectFrom('young_people').select(['partnership_id', ({ fn }) => fn.countAll<number>().as('n')]).groupBy('partnership_id').orderBy('n', 'desc').executeTakeFirst();
    if (!big) {
      console.log('No young people in the database: nothing to measure. Run `npm run cli -- generate --scale region` first.');
      console.log(JSON.stringify({ note: 'empty database', max_report_ms: null }));
      return;
    }
    const note = Number(totals) >= 30_000 ? 'region-scale data' : `NOTE: only ${totals} young people in the database (region scale is 35,000): figures are not region-scale`;
    const today = isoDate(new Date());
    const q: ReportQuery = { from: addMonths(today, -Number(values.months)), to: today, asOf: today };
    const pid = big.partnership_id;
    const goals = DEMO_GOALS(Number(today.slice(0, 4)));
    console.log(`${note}: ${totals} young people, ${companies} companies in total; measuring the biggest partnership (${big.n} young people), period ${q.from} – ${q.to}, ${runs} runs each (median).`);

    const records = await loadPathways(db, pid, q);
    console.log(`${records.length} pathways open in the period, ${records.reduce((s, r) => s + (r.placements?.length ?? 0), 0)} placements.`);
    const load = () => loadPathways(db, pid, q);
    const bundle = await runReport(db, pid, q, 'team');
    // The first PDF in a process parses the fonts: measured once, before everything else warms up.
    const coldStart = performance.now();
    await toPdf(bundle);
    const pdfCold = Math.round((performance.now() - coldStart) * 10) / 10;
    const steering = await runReport(db, pid, q, 'suppressed');
    const meta = { partnership: steering.partnership.name, period: `${q.from} – ${q.to}`, view: 'styregruppe' };
    const figures: Record<string, number> = {};
    const measure = async (name: string, fn: () => Promise<unknown>) => { figures[name] = await timed(name, runs, fn); };
    await measure('load_pathways_ms', load);
    await measure('outcomes_ms', async () => outcomeTable(await load(), q));
    await measure('funnel_ms', async () => funnelTable(await load(), q));
    await measure('time_to_placement_ms', async () => timeToPlacementTable(timeToFirstPlacement(await load(), q)));
    await measure('cohorts_ms', async () => {
      const r = await load();
      for (const m of [3, 6, 12] as const) cohortTable(r, { ...q, months: m, anchor: 'start', by: 'readiness' });
      cohortTable(r, { ...q, months: 6, anchor: 'start', by: 'placement_kind' });
      cohortTable(r, { ...q, months: 6, anchor: 'mentor_match', by: 'readiness' });
    });
    await measure('conversion_ms', async () => conversionTable(await load(), q));
    await measure('breakdowns_ms', async () => breakdownTable(await load(), q));
    await measure('goals_ms', async () => {
      const [r, counted] = [await load(), await countGoalFacts(db, pid, goals, q.asOf)];
      goals.map((g) => evaluateGoal(g, r, {}, q, counted));
    });
    await measure('network_ms', () => loadNetwork(db, pid, q));
    await measure('suppression_ms', async () => bundle.tables.map((t) => suppressTable(t, 5)));
    await measure('full_report_team_ms', () => runReport(db, pid, q, 'team'));
    await measure('full_report_steering_ms', () => runReport(db, pid, q, 'suppressed'));
    // An export = the whole (suppressed) report, queries included, then the file: what GET /api/reports/export does.
    await measure('export_csv_ms', async () => toCsv((await runReport(db, pid, q, 'suppressed')).tables, { separator: ';' }));
    await measure('export_xlsx_ms', async () => toXlsx((await runReport(db, pid, q, 'suppressed')).tables, meta));
    // As the route does it: the PDF has every table of the page (issue #21), network tables included.
    await measure('export_pdf_ms', async () => toPdf(await runReport(db, pid, q, 'suppressed')));
    // The file alone, from a report already made.
    await measure('render_xlsx_ms', () => toXlsx(steering.tables, meta));
    await measure('render_pdf_ms', () => toPdf(steering));
    console.log('\nreport                      median ms');
    for (const [k, v] of Object.entries(figures)) console.log(`${k.replace(/_ms$/, '').padEnd(28)}${String(v).padStart(9)}   load ${loadBeside[k]}`);
    console.log(`${'first PDF in the process'.padEnd(28)}${String(pdfCold).padStart(9)}   (fonts parsed once per process; not in the max)`);
    const max = Math.max(...Object.values(figures));
    console.log(`\nslowest: ${max} ms (target: every report and export under 300 ms); load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
    console.log(JSON.stringify({ ...figures, max_report_ms: max, export_pdf_first_in_process_ms: pdfCold, load_avg_1m: loadBeside, young_people_total: Number(totals), partnership_young_people: Number(big.n), pathways_in_period: records.length, note }));
  } finally {
    await database.close();
  }
}
