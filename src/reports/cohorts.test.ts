import { describe, expect, it } from 'vitest';
import { breakdownTable, cohortTable, conversionTable, funnelTable, timeToFirstPlacement } from './cohorts.ts';
import { buildReport, forView } from './report.ts';
import { suppressTable } from './suppress-report.ts';
import type { PathwayRecord } from './types.ts';

const o = { from: '2025-01-01', to: '2025-12-31', asOf: '2026-12-31' };

function cohort(): PathwayRecord[] {
  const out: PathwayRecord[] = [];
  for (let i = 0; i < 40; i++) {
    const started = `2025-${String(1 + (i % 6)).padStart(2, '0')}-01`;
    const p: PathwayRecord = { id: `y${i}`, startedAt: started, outcome: null, readiness: i % 2 ? 'activity_ready' : 'ready' };
    if (i < 30) p.screenedAt = started;
    if (i < 20) p.placements = [{ kind: 'trial', startedAt: started.replace('-01', '-11'), endedAt: started.replace('-01', '-13'), hired: false }];
    if (i < 12) p.placements!.push({ kind: 'work_placement', startedAt: started.replace(/-(\d\d)-01$/, (_, m) => `-${String(Number(m) + 1).padStart(2, '0')}-01`), endedAt: null, hired: i < 8, breakdownCause: i >= 8 && i < 11 ? 'match' : null });
    if (i < 8) p.placements!.push({ kind: 'paid_hours', startedAt: '2026-01-15' });
    if (i < 5) Object.assign(p, { outcome: 'education', educationKind: 'EUD', outcomeDate: '2026-03-01' });
    out.push(p);
  }
  return out;
}

describe('cohorts and flows', () => {
  it('funnel: 40 referred, 30 screened, 20 placed, 8 reached paid hours, job or education', () => {
    const t = funnelTable(cohort(), o);
    expect(t.rows.map((r) => r.cells[1])).toEqual([40, 30, 20, 8]);
    expect(t.rows[3].cells[3]).toBeCloseTo(8 / 20);
  });

  it('time to first placement: 10 days for everyone placed', () => {
    expect(timeToFirstPlacement(cohort(), o)).toEqual({ n: 20, withoutPlacement: 20, medianDays: 10, q1Days: 10, q3Days: 10 });
  });

  it('status 12 months after start by readiness adds up to the observed cohort', () => {
    const t = cohortTable(cohort(), { ...o, months: 12, anchor: 'start', by: 'readiness' });
    const total = t.rows.find((r) => r.key === 'total')!;
    expect(total.cells.at(-1)).toBe(40);
    const edu = t.columns.findIndex((c) => c.key === 'education');
    // Education from 2026-03-01: only those started in March 2025 or later were in education at 12 months.
    expect(total.cells[edu]).toBe(3);
    // Those not observed for 12 months yet are left out.
    const early = cohortTable(cohort(), { ...o, asOf: '2025-12-31', months: 12, anchor: 'start', by: 'readiness' });
    expect(early.rows.find((r) => r.key === 'total')!.cells.at(-1)).toBe(0);
  });

  it('placement to hire conversion and breakdown causes', () => {
    const c = conversionTable(cohort(), o);
    const wp = c.rows.find((r) => r.key === 'work_placement')!;
    expect(wp.cells.slice(1)).toEqual([12, 8, 8 / 12]);
    const b = breakdownTable(cohort(), o);
    expect(b.rows.find((r) => r.key === 'match')!.cells[1]).toBe(3);
  });

  it('suppressed cohort tables never leave a single hidden cell in a row or column', () => {
    const t = suppressTable(cohortTable(cohort(), { ...o, months: 6, anchor: 'start', by: 'readiness' }));
    for (const r of t.rows) expect(r.suppressed!.filter(Boolean).length).not.toBe(1);
    for (let c = 1; c < t.columns.length; c++) expect(t.rows.filter((r) => r.suppressed![c]).length).not.toBe(1);
    const conv = suppressTable(conversionTable(cohort(), o));
    // 12 work placements, 8 hired: the 4 not hired are a small count, so placements − hired must not both show.
    const wp = conv.rows.find((r) => r.key === 'work_placement')!;
    expect(wp.cells[1] === null || wp.cells[2] === null).toBe(true);
    expect(wp.cells[3]).toBeNull();
  });

  it('the report has status 3, 6 and 12 months after start and after a mentor match, by readiness and by placement kind', () => {
    const records = cohort().map((p, i) => (i < 10 ? { ...p, mentorMatchedAt: p.startedAt.replace(/-01$/, '-15') } : p));
    const b = buildReport({ partnership: { id: 'p', name: 'P' }, period: o, records, facts: {}, goals: [] });
    const ids = b.tables.map((t) => t.id).filter((id) => id.startsWith('cohort_'));
    expect(ids).toEqual(['start', 'mentor_match'].flatMap((a) => ['readiness', 'placement_kind'].flatMap((by) => [3, 6, 12].map((m) => `cohort_${m}m_${a}_${by}`))));
    const cell = (id: string, row: string, col: string) => {
      const t = b.tables.find((x) => x.id === id)!;
      return t.rows.find((r) => r.key === row)!.cells[t.columns.findIndex((c) => c.key === col)];
    };
    // 3 months after start: the 12 whose work placement runs are in placement (the fixture's January starters
    // have theirs before the trial, so it is their first kind), 8 trials ended, 20 never placed.
    expect(cell('cohort_3m_start_placement_kind', 'trial', 'in_placement')).toBe(10);
    expect(cell('cohort_3m_start_placement_kind', 'work_placement', 'in_placement')).toBe(2);
    expect(cell('cohort_3m_start_placement_kind', 'trial', 'active')).toBe(8);
    expect(cell('cohort_3m_start_placement_kind', 'none', 'active')).toBe(20);
    expect(cell('cohort_12m_start_placement_kind', 'total', 'total')).toBe(40);
    // After a mentor match: only the 10 matched, all observed for 12 months by the status date.
    for (const m of [3, 6, 12]) {
      expect(cell(`cohort_${m}m_mentor_match_readiness`, 'total', 'total')).toBe(10);
      expect(cell(`cohort_${m}m_mentor_match_placement_kind`, 'trial', 'total')).toBe(8);
      expect(cell(`cohort_${m}m_mentor_match_placement_kind`, 'work_placement', 'total')).toBe(2);
      expect(cell(`cohort_${m}m_mentor_match_readiness`, 'ready', 'total')).toBe(5);
    }
    // 3 months after the match (mid-month, two weeks after start) the work placement runs for all of them.
    expect(cell('cohort_3m_mentor_match_placement_kind', 'total', 'in_placement')).toBe(10);
    // 12 months after: paid hours from 2026-01-15 make it a job for the 8 with them, unless education came first.
    const job = cell('cohort_12m_mentor_match_readiness', 'total', 'job') as number;
    const edu = cell('cohort_12m_mentor_match_readiness', 'total', 'education') as number;
    expect(job + edu).toBe(8);
    // The steering group's view shows the same tables, every one suppressed: no count 1–4 is shown.
    const shown = forView(b, 'suppressed', 5).tables.filter((t) => t.id.startsWith('cohort_'));
    expect(shown.length).toBe(12);
    const counts = shown.flatMap((t) => t.rows.flatMap((r) => r.cells.slice(1)));
    expect(counts.filter((v) => typeof v === 'number' && v > 0 && v < 5)).toEqual([]);
    expect(counts.some((v) => v === null)).toBe(true);
  });
});
