// Issue #22: one suppression mechanism for every count of a suppressed view,
// in all four outputs. Every number is read back from the page's JSON, the
// CSV, the XLSX and the PDF (as pdftotext reads it); no count from 1 to
// threshold − 1 may appear. The probe found overdue mentor reviews 2,
// professional mentors 1 and network events 2 — they are seeded here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { paaVejCohort } from './testing.ts';
import type { ReportBundleView } from './schemas.ts';

let t: TestApp;
let steering: TestClient;
const THRESHOLD = 5;
const PERIOD = 'from=2025-01-01&to=2025-12-31&asOf=2026-08-31';

async function seed(db: TestApp['db'], pid: string) {
  const ids: string[] = [];
  for (const [n, r] of paaVejCohort().entries()) {
    const row = await db.insertInto('young_people').values({
      partnership_id: pid, first_name: 'Ung', last_name: `Nr ${n}`, birth_date: '2004-05-01', created_at: new Date(`${r.startedAt}T10:00:00Z`),
      stage: r.outcome ? 'ended' : 'in_placement', outcome: r.outcome, outcome_education: r.educationKind ?? null, outcome_date: r.outcomeDate ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    ids.push(row.id);
    if (n % 3) await db.insertInto('screenings').values({ young_person_id: row.id, version: 1, readiness: n % 2 ? 'ready' : 'activity_ready', created_at: new Date(`${r.startedAt}T12:00:00Z`) }).execute();
  }
  const companies = [];
  for (let i = 0; i < 7; i++) {
    companies.push(await db.insertInto('companies').values({ partnership_id: pid, name: `Virksomhed ${'ABCDEFG'[i]} ApS`, membership: 'network_member', kind: 'both' }).returning('id').executeTakeFirstOrThrow());
  }
  const opening = await db.insertInto('openings').values({ partnership_id: pid, company_id: companies[0].id, title: 'Lager', placement_kinds: ['work_placement'], created_at: new Date('2025-03-01T09:00:00Z') }).returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < 14; i++) {
    const ended = i < 9;
    const p = await db.insertInto('placements').values({
      partnership_id: pid, young_person_id: ids[i], company_id: companies[i % 3 === 0 ? 0 : 1 + (i % 6)].id, opening_id: opening.id, kind: i % 5 === 0 ? 'trial' : 'work_placement',
      start_date: `2025-0${1 + (i % 8)}-15`, end_date: ended ? '2025-10-01' : null, status: ended ? 'ended' : 'active',
      end_reason: ended ? (i < 5 ? 'hired' : 'breakdown') : null, breakdown_cause: ended && i >= 5 ? (i % 2 ? 'match' : 'health') : null,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('attendance').values([{ placement_id: p.id, day: '2025-09-02', status: 'present' }, { placement_id: p.id, day: '2025-09-03', status: i % 2 ? 'sick' : 'late' }]).execute();
  }
  // The probe's small network counts: 1 professional mentor, 2 overdue reviews, 2 network events.
  const mentor = async (kind: string, name: string) => (await db.insertInto('mentors').values({ partnership_id: pid, kind, name, status: 'active' }).returning('id').executeTakeFirstOrThrow()).id;
  const volunteers = [];
  for (let i = 0; i < 6; i++) volunteers.push(await mentor('volunteer', `Frivillig ${i}`));
  const professional = await mentor('professional', 'Kim');
  const mentorship = (m: string, y: string, review: string) => db.insertInto('mentorships').values({ partnership_id: pid, mentor_id: m, young_person_id: y, started_on: '2025-05-01', next_review_on: review }).execute();
  await mentorship(professional, ids[20], '2026-06-01');
  await mentorship(volunteers[0], ids[21], '2026-07-01');
  for (let i = 1; i < 6; i++) await mentorship(volunteers[i], ids[21 + i], '2026-12-01');
  for (const d of ['2025-03-10', '2025-10-10']) await db.insertInto('network_events').values({ partnership_id: pid, title: 'Netværksmøde', kind: 'network_meeting', starts_at: new Date(`${d}T16:00:00Z`), jobs_created: 1 }).execute();
  const activity = (await db.insertInto('activities').values({ partnership_id: pid, kind: 'fitness', name: 'Fitness' }).returning('id').executeTakeFirstOrThrow()).id;
  for (let i = 0; i < 3; i++) await db.insertInto('activity_attendance').values({ activity_id: activity, young_person_id: ids[i], on_date: '2025-04-01', start_time: '16:00', present: true }).execute();
  await db.insertInto('report_settings').values({
    partnership_id: pid, suppression_threshold: THRESHOLD,
    goals: JSON.stringify([
      { id: 'job', kind: 'share', title: 'Selvforsørgende', target: 0.25, population: { field: 'startedAt', op: 'inPeriod' }, success: { field: 'status', op: 'in', values: ['education', 'ordinary_employment'] } },
      { id: 'aabninger', kind: 'count', title: 'Jobåbninger', target: 75, entity: 'job_openings', from: '2025-01-01', to: '2025-12-31' },
    ]),
  }).execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const p = await makePartnership(t.db, 'PÅ VEJ – Billund (test)');
  await seed(t.db, p.id);
  steering = await t.login((await makeUser(t.db, p.id, 'steering_group')).email);
});
afterAll(async () => { await t?.close(); });

const small = (n: number) => n >= 1 && n < THRESHOLD;

/**
 * Integers in a line of text that could be counts: dates, percentages, days,
 * months, page numbers, the threshold ("tal under 5"), goal targets, month
 * labels (25/03) and the "3-måneders" review are what they say, not counts.
 */
function countsInText(line: string): number[] {
  if (/\(dage\)/.test(line)) return []; // the quartile and median rows are days
  const cleaned = line
    .replace(/\d{4}-\d{2}-\d{2}/g, ' ')
    .replace(/\d+(?:,\d+)?\s?%/g, ' ')
    .replace(/\d+\s(?:dage?|måneder|mdr\.)/g, ' ')
    .replace(/\d+-måneders/g, ' ')
    .replace(/side \d+ af \d+/g, ' ')
    .replace(/under \d+/g, ' ')
    .replace(/mål \d+/g, ' ')
    .replace(/nærmeste \d+/g, ' ')
    .replace(/\b\d{2}\/\d{2}\b/g, ' ');
  return [...cleaned.matchAll(/(?<![\d,.])\d+(?![\d,])/g)].map((m) => Number(m[0]));
}

describe('a suppressed view shows no count from 1 to threshold − 1 in any output', () => {
  it('the page (API JSON)', async () => {
    const res = await steering.get(`/api/reports?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const b = res.json() as ReportBundleView;
    const found: string[] = [];
    for (const tb of b.tables) {
      tb.rows.forEach((r) => r.cells.forEach((v, i) => {
        const col = tb.columns[i];
        const isCount = col.kind === 'count' || (tb.id === 'time_to_placement' && (r.key === 'n' || r.key === 'without'));
        if (isCount && typeof v === 'number' && small(v)) found.push(`${tb.id}/${r.key}/${col.key} = ${v}`);
        if (col.kind === 'text' && i > 0 && typeof v === 'string') for (const n of countsInText(v)) if (small(n)) found.push(`${tb.id}/${r.key}/${col.key}: "${v}"`);
      }));
      if (tb.note) for (const n of countsInText(tb.note)) if (small(n)) found.push(`${tb.id} note: ${tb.note}`);
    }
    for (const k of b.keyFigures) if (k.kind === 'count' && k.value !== null && small(k.value)) found.push(`figure ${k.key} = ${k.value}`);
    for (const m of b.monthlyStarts) if (m.count !== null && small(m.count)) found.push(`month ${m.month} = ${m.count}`);
    for (const g of b.goals) for (const v of [g.numerator, g.kind === 'share' ? g.denominator : null]) if (v !== null && small(v)) found.push(`goal ${g.id} = ${v}`);
    expect(found).toEqual([]);
    // The probe's cells are there, hidden.
    const net = b.tables.find((x) => x.id === 'network_summary')!;
    for (const key of ['events', 'mentors_professional', 'reviews_due']) expect(net.rows.find((r) => r.key === key)!.suppressed![1]).toBe(true);
    expect(b.keyFigures.find((k) => k.key === 'events')!.suppressed).toBe(true);
  });

  it('the CSV', async () => {
    const res = await steering.get(`/api/reports/export?${PERIOD}&format=csv&separator=semicolon`);
    expect(res.statusCode).toBe(200);
    const found: string[] = [];
    let shares = new Set<number>();
    let afterTitle = false;
    for (const line of res.body.split('\r\n')) {
      const cells = line.split(';');
      if (cells.length < 2) { afterTitle = line !== ''; continue; } // titles and notes
      if (afterTitle) { // the header: share columns ("Andel …") hold fractions, 1 = 100 %
        shares = new Set(cells.map((c, i) => (/^"?Andel/.test(c) ? i : -1)).filter((i) => i >= 0));
        afterTitle = false;
        continue;
      }
      if (/\(dage\)/.test(cells[0])) continue;
      cells.forEach((c, i) => { if (i > 0 && !shares.has(i) && !/^\d+,\d+$/.test(c)) for (const n of countsInText(c)) if (small(n)) found.push(line); });
    }
    expect(found).toEqual([]);
    expect(res.body).toMatch(/Professionelle mentorer;\.\./);
    // Issue #21: no double hyphen in the file name ("PÅ VEJ – Billund (test)").
    expect(res.headers['content-disposition']).toBe('attachment; filename="resultater-paa-vej-billund-test-2025-01-01-2025-12-31.csv"');
  });

  it('the XLSX', async () => {
    const res = await steering.get(`/api/reports/export?${PERIOD}&format=xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const found: string[] = [];
    wb.worksheets.forEach((ws) => ws.eachRow((row, rn) => {
      if (rn < 5) return; // title, partnership and period, blank, header
      const label = String(row.getCell(1).value ?? '');
      if (/\(dage\)/.test(label)) return;
      row.eachCell((cell, cn) => {
        if (cn === 1) return;
        if (typeof cell.value === 'number' && cell.numFmt !== '0.0%' && Number.isInteger(cell.value) && small(cell.value)) found.push(`${ws.name}: ${label} = ${cell.value}`);
        if (typeof cell.value === 'string') for (const n of countsInText(cell.value)) if (small(n)) found.push(`${ws.name}: ${label}: ${cell.value}`);
      });
    }));
    expect(found).toEqual([]);
  });

  it('the PDF, every table of the page included', async () => {
    const res = await steering.get(`/api/reports/export?${PERIOD}&format=pdf`);
    expect(res.statusCode).toBe(200);
    const dir = mkdtempSync(path.join(tmpdir(), 'report-pdf-'));
    writeFileSync(path.join(dir, 'r.pdf'), res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    const page = (await steering.get(`/api/reports?${PERIOD}`)).json() as ReportBundleView;
    // Issue #21: the PDF has every table the page shows (cohort, network, per-company, attendance too).
    for (const tb of page.tables.filter((x) => x.id !== 'goals')) expect(text.replace(/\s+/g, ' ')).toContain(tb.title);
    const lines = text.split('\n');
    const found = lines.map((line, i) => ({ line, i })).filter(({ line }) => countsInText(line).some(small)).map(({ i }) => lines.slice(Math.max(0, i - 2), i + 1).join(' ⏎ '));
    expect(found).toEqual([]);
  });
});
