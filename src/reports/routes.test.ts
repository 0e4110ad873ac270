import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp, type TestClient } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { paaVejCohort } from './testing.ts';
import type { ReportBundleView } from './schemas.ts';

let t: TestApp;
let pid: string;
let counsellor: TestClient;
let steering: TestClient;
let counsellorId: string;
const PERIOD = 'from=2025-01-01&to=2025-12-31&asOf=2026-08-31';

/** Loads the PÅ VEJ cohort as young people with intake dates and outcomes, plus a small network. */
async function seed(db: TestApp['db'], partnershipId: string, cId: string) {
  const ids: string[] = [];
  for (const [n, r] of paaVejCohort().entries()) {
    const row = await db.insertInto('young_people').values({
      partnership_id: partnershipId, counsellor_id: n < 10 ? cId : null, first_name: 'Ung', last_name: `Nr ${n}`,
      birth_date: n < 10 ? '1998-05-01' : '2006-05-01', created_at: new Date(`${r.startedAt}T10:00:00Z`),
      stage: r.outcome ? 'ended' : 'in_placement', outcome: r.outcome, outcome_education: r.educationKind ?? null, outcome_date: r.outcomeDate ?? null,
    }).returning('id').executeTakeFirstOrThrow();
    ids.push(row.id);
    if (n < 20) await db.insertInto('screenings').values({ young_person_id: row.id, version: 1, readiness: 'ready', created_at: new Date(`${r.startedAt}T12:00:00Z`) }).execute();
  }
  const companies = [];
  for (let i = 0; i < 3; i++) {
    companies.push(await db.insertInto('companies').values({ partnership_id: partnershipId, name: `Virksomhed ${i} ApS`, membership: i < 2 ? 'network_member' : 'occasional', kind: 'both' }).returning('id').executeTakeFirstOrThrow());
  }
  const opening = await db.insertInto('openings').values({ partnership_id: partnershipId, company_id: companies[0].id, title: 'Lager', placement_kinds: ['work_placement'], created_at: new Date('2025-03-01T09:00:00Z') }).returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < 12; i++) {
    const ended = i < 8;
    const p = await db.insertInto('placements').values({
      partnership_id: partnershipId, young_person_id: ids[i], company_id: companies[0].id, opening_id: opening.id, kind: 'work_placement',
      start_date: '2025-06-01', end_date: ended ? '2025-09-01' : null, status: ended ? 'ended' : 'active',
      end_reason: ended ? (i < 6 ? 'hired' : 'breakdown') : null, breakdown_cause: ended && i >= 6 ? 'match' : null,
    }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('attendance').values([{ placement_id: p.id, day: '2025-06-02', status: 'present' }, { placement_id: p.id, day: '2025-06-03', status: i % 2 ? 'sick' : 'late' }]).execute();
  }
}

beforeAll(async () => {
  t = await createTestApp();
  const p = await makePartnership(t.db, 'PÅ VEJ Billund');
  pid = p.id;
  const c = await makeUser(t.db, pid, 'counsellor');
  counsellorId = c.id;
  const s = await makeUser(t.db, pid, 'steering_group');
  await seed(t.db, pid, counsellorId);
  counsellor = await t.login(c.email);
  steering = await t.login(s.email);
});
afterAll(async () => { await t?.close(); });

const outcomeCounts = (b: ReportBundleView) => Object.fromEntries(b.tables.find((x) => x.id === 'outcomes')!.rows.map((r) => [r.key, r.cells[1]]));

describe('reports API', () => {
  it('gives the team the exact PÅ VEJ outcome table from the database, and records the read', async () => {
    const res = await counsellor.get(`/api/reports?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    const b = res.json() as ReportBundleView;
    expect(b.view).toBe('team');
    expect(outcomeCounts(b)).toMatchObject({ ordinary_employment: 4, flex_job: 3, disability_pension: 4, education: 6, 'education.FGU': 2, 'education.STU': 1, 'education.EUD': 2, 'education.HF': 1, public_benefits: 14, still_active: 1, total: 32 });
    const funnel = b.tables.find((x) => x.id === 'funnel')!;
    expect(funnel.rows.map((r) => r.cells[1])).toEqual([32, 20, 12, 8]);
    const net = b.tables.find((x) => x.id === 'network_summary')!;
    expect(net.rows.find((r) => r.key === 'members')!.cells[1]).toBe(2);
    expect(net.rows.find((r) => r.key === 'active')!.cells[1]).toBe(1);
    const att = b.tables.find((x) => x.id === 'network_list_attendance')!;
    expect(att.rows.find((r) => r.key === 'work_placement')!.cells.slice(1)).toEqual([12, 24, 18 / 24]);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('subject_kind', '=', 'report').execute();
    expect(audit.some((a) => a.action === 'read' && a.user_id === counsellorId)).toBe(true);
  });

  it('gives the steering group suppressed figures, even if it asks for the team view', async () => {
    const res = await steering.get(`/api/reports?${PERIOD}&view=team`);
    expect(res.statusCode).toBe(200);
    const b = res.json() as ReportBundleView;
    expect(b.view).toBe('suppressed');
    const counts = outcomeCounts(b);
    expect(counts.flex_job).toBeNull();
    expect(counts.still_active).toBeNull();
    expect(counts.public_benefits).toBe(14);
    expect(counts.total).toBe(32);
    expect(JSON.stringify(b.tables.find((x) => x.id === 'outcomes'))).not.toMatch(/"Fleksjob",3/);
  });

  it('gives the steering group fixed, completed calendar years only, with status at a month end and no narrowing filters (issue #22)', async () => {
    // The probe's pair: windows from 2026-06-07 and 2026-06-08 differ by one started young person.
    for (const from of ['2026-06-07', '2026-06-08']) {
      const res = await steering.get(`/api/reports?from=${from}&to=2026-11-30&asOf=2026-11-30`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toBe('from');
    }
    expect((await steering.get('/api/reports?from=2025-01-01&to=2025-06-30&asOf=2026-08-31')).json().error.message).toMatch(/faste perioder: vælg et helt kalenderår/);
    const notMonthEnd = await steering.get('/api/reports?from=2025-01-01&to=2025-12-31&asOf=2026-09-01');
    expect(notMonthEnd.json().error.fields[0].field).toBe('asOf');
    const running = await steering.get('/api/reports?from=2025-01-01&to=2025-12-31&asOf=2025-11-30');
    expect(running.json().error.message).toMatch(/Perioden er ikke slut endnu/);
    for (const f of [`counsellorId=${counsellorId}`, 'ageBand=18-24', 'readiness=ready']) {
      const res = await steering.get(`/api/reports?${PERIOD}&${f}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields[0].field).toBe(f.split('=')[0]);
      expect((await steering.get(`/api/reports/export?${PERIOD}&format=csv&${f}`)).statusCode).toBe(400);
    }
    // Without a period: the last whole calendar year, status at the end of the last whole month.
    const d = (await steering.get('/api/reports')).json() as ReportBundleView;
    expect(d.period.from).toMatch(/^\d{4}-01-01$/);
    expect(d.period.to.slice(5)).toBe('12-31');
    expect(d.period.asOf >= d.period.to).toBe(true);
    // The team's own view keeps free windows and filters.
    expect((await counsellor.get(`/api/reports?from=2025-03-07&to=2025-11-02&counsellorId=${counsellorId}`)).statusCode).toBe(200);
  });

  it('lets the team preview the steering group view', async () => {
    const b = (await counsellor.get(`/api/reports?${PERIOD}&view=suppressed`)).json() as ReportBundleView;
    expect(b.view).toBe('suppressed');
    expect(outcomeCounts(b).flex_job).toBeNull();
  });

  it('filters by counsellor and age band', async () => {
    const mine = (await counsellor.get(`/api/reports?${PERIOD}&counsellorId=${counsellorId}`)).json() as ReportBundleView;
    expect(outcomeCounts(mine).total).toBe(10);
    const older = (await counsellor.get(`/api/reports?${PERIOD}&ageBand=25-29`)).json() as ReportBundleView;
    expect(outcomeCounts(older).total).toBe(10);
    const young = (await counsellor.get(`/api/reports?${PERIOD}&ageBand=18-24`)).json() as ReportBundleView;
    expect(outcomeCounts(young).total).toBe(22);
  });

  it('filters by readiness category (latest screening, or not assessed) and combines filters', async () => {
    const ready = (await counsellor.get(`/api/reports?${PERIOD}&readiness=ready`)).json() as ReportBundleView;
    expect(outcomeCounts(ready).total).toBe(20);
    expect(ready.filters.readiness).toBe('ready');
    const unknown = (await counsellor.get(`/api/reports?${PERIOD}&readiness=unknown`)).json() as ReportBundleView;
    expect(outcomeCounts(unknown).total).toBe(12);
    const both = (await counsellor.get(`/api/reports?${PERIOD}&readiness=ready&ageBand=25-29&counsellorId=${counsellorId}`)).json() as ReportBundleView;
    expect(outcomeCounts(both).total).toBe(10);
    const none = (await counsellor.get(`/api/reports?${PERIOD}&readiness=activity_ready`)).json() as ReportBundleView;
    expect(outcomeCounts(none).total).toBe(0);
    // The export uses the same filters.
    const csv = await counsellor.get(`/api/reports/export?${PERIOD}&format=csv&tables=outcomes&readiness=unknown`);
    expect(csv.body).toMatch(/Startet i alt,12,/);
    expect((await counsellor.get(`/api/reports?${PERIOD}&readiness=bored`)).statusCode).toBe(400);
  });

  it('lists the partnership\'s counsellors for the filter and refuses a counsellor from elsewhere', async () => {
    const list = (await steering.get('/api/reports/counsellors')).json() as { id: string; name: string }[];
    expect(list.map((c) => c.id)).toContain(counsellorId);
    const other = await makePartnership(t.db, 'Andet netværk');
    const stranger = await makeUser(t.db, other.id, 'counsellor');
    expect(list.map((c) => c.id)).not.toContain(stranger.id);
    const res = await counsellor.get(`/api/reports?${PERIOD}&counsellorId=${stranger.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Vejlederen findes ikke i netværket/);
    expect((await counsellor.get(`/api/reports/export?${PERIOD}&format=csv&counsellorId=${stranger.id}`)).statusCode).toBe(400);
    const company = await t.login((await makeUser(t.db, pid, 'company_contact')).email);
    expect((await company.get('/api/reports/counsellors')).statusCode).toBe(403);
  });

  it('refuses roles without access and people not logged in', async () => {
    const company = await t.login((await makeUser(t.db, pid, 'company_contact')).email);
    expect((await company.get(`/api/reports?${PERIOD}`)).statusCode).toBe(403);
    const young = await t.login((await makeUser(t.db, pid, 'young_person')).email);
    expect((await young.get('/api/reports/export?format=csv')).statusCode).toBe(403);
    expect((await t.anonymous().get(`/api/reports?${PERIOD}`)).statusCode).toBe(401);
  });

  it('shows another partnership only its own figures', async () => {
    const other = await makePartnership(t.db, 'Aulum Milen');
    const oc = await t.login((await makeUser(t.db, other.id, 'counsellor')).email);
    const b = (await oc.get(`/api/reports?${PERIOD}`)).json() as ReportBundleView;
    expect(b.partnership.name).toBe('Aulum Milen');
    expect(outcomeCounts(b).total).toBe(0);
  });

  it('refuses a period that ends before it begins, in Danish', async () => {
    const res = await counsellor.get('/api/reports?from=2025-12-31&to=2025-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Perioden slutter før den begynder/);
  });

  it('exports CSV with BOM and semicolons, XLSX and PDF, each recorded as an export', async () => {
    const before = await t.db.selectFrom('audit_log').select(({ fn }) => fn.countAll<number>().as('n')).where('action', '=', 'export').executeTakeFirstOrThrow();
    const csv = await steering.get(`/api/reports/export?${PERIOD}&format=csv&separator=semicolon&tables=outcomes`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="resultater-.*\.csv"/);
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body).toContain('Fleksjob;..;..');
    expect(csv.body).toContain('Tilbage på offentlig forsørgelse;14;0,4375');
    const xlsx = await counsellor.get(`/api/reports/export?${PERIOD}&format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(8);
    const pdf = await steering.get(`/api/reports/export?${PERIOD}&format=pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const after = await t.db.selectFrom('audit_log').select(({ fn }) => fn.countAll<number>().as('n')).where('action', '=', 'export').executeTakeFirstOrThrow();
    expect(Number(after.n) - Number(before.n)).toBe(3);
    const last = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'export').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect([last.subject_kind, last.purpose]).toEqual(['report', 'reporting']);
    expect(last.criterion).toContain('format=pdf');
    expect(last.criterion).toContain('view=suppressed');
  });

  it('stores goals as validated data and reports actual against target', async () => {
    const bad = await counsellor.put('/api/reports/goals', { goals: [{ id: 'x', kind: 'share', title: 'x', target: 2 }], suppressionThreshold: 5 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/Målene kan ikke gemmes/);
    expect((await steering.put('/api/reports/goals', { goals: [], suppressionThreshold: 5 })).statusCode).toBe(403);
    const goals = [
      { id: 'selvforsoergende', kind: 'share', title: 'Selvforsørgende via uddannelse eller ordinært job', target: 0.25, population: { field: 'startedAt', op: 'inPeriod' }, success: { field: 'status', op: 'in', values: ['education', 'ordinary_employment'] } },
      { id: 'aabninger', kind: 'count', title: '75 jobåbninger i 2025', target: 75, entity: 'job_openings', from: '2025-01-01', to: '2025-12-31' },
    ];
    const ok = await counsellor.put('/api/reports/goals', { goals, suppressionThreshold: 5 });
    expect(ok.statusCode).toBe(200);
    expect((await steering.get('/api/reports/goals')).json().goals).toHaveLength(2);
    const b = (await counsellor.get(`/api/reports?${PERIOD}`)).json() as ReportBundleView;
    expect(b.goals.map((g) => [g.id, g.numerator, g.denominator, g.met])).toEqual([['selvforsoergende', 10, 32, true], ['aabninger', 1, 75, false]]);
    const s = (await steering.get(`/api/reports/key-figures?${PERIOD}`)).json();
    expect(s.goals[0]).toMatchObject({ numerator: 10, denominator: 30, rounded: true });
  });
});
