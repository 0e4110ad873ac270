import { describe, expect, it } from 'vitest';
import { outcomeTable } from './outcomes.ts';
import { paaVejCohort } from './testing.ts';
import { suppressTable } from './suppress-report.ts';

const period = { from: '2025-01-01', to: '2025-12-31', asOf: '2026-09-01' };
const counts = (t: ReturnType<typeof outcomeTable>) => Object.fromEntries(t.rows.map((r) => [r.key, r.cells[1]]));

describe('outcome table (PÅ VEJ form)', () => {
  it('gives exactly the PÅ VEJ table for the PÅ VEJ cohort', () => {
    const t = outcomeTable(paaVejCohort(), period);
    expect(counts(t)).toEqual({
      ordinary_employment: 4, flex_job: 3, disability_pension: 4,
      education: 6, 'education.FGU': 2, 'education.EGU': 0, 'education.STU': 1, 'education.EUD': 2,
      'education.HF': 1, 'education.gymnasium': 0, 'education.other': 0,
      resource_course: 0, public_benefits: 14, moved: 0, dropped_out: 0, still_active: 1, total: 32,
    });
    const shares = Object.fromEntries(t.rows.map((r) => [r.key, r.cells[2]]));
    expect(shares.public_benefits).toBeCloseTo(14 / 32);
    expect(shares.ordinary_employment).toBeCloseTo(0.125);
    expect(shares.total).toBe(1);
    expect(t.rows.find((r) => r.key === 'education.FGU')?.level).toBe(1);
    expect(t.rows[0].cells[0]).toBe('Ordinær beskæftigelse');
  });

  it('counts an outcome dated after the status date as still active', () => {
    const t = outcomeTable(paaVejCohort(), { ...period, asOf: '2026-06-29' });
    expect(counts(t).still_active).toBe(32);
  });

  it('only counts pathways started in the period', () => {
    const t = outcomeTable(paaVejCohort(), { ...period, from: '2025-01-01', to: '2025-01-31' });
    expect(counts(t).total).toBe(3);
  });

  it('hides small counts and their complements for the steering group, keeping totals consistent', () => {
    const s = suppressTable(outcomeTable(paaVejCohort(), period));
    const shown = Object.fromEntries(s.rows.map((r) => [r.key, r.cells[1]]));
    // 4, 3, 4 and 1 are under 5: four hidden cells in one line protect each other.
    expect(shown.ordinary_employment).toBeNull();
    expect(shown.flex_job).toBeNull();
    expect(shown.still_active).toBeNull();
    expect(shown.public_benefits).toBe(14);
    expect(shown.total).toBe(32);
    // Every education kind is 1 or 2: all hidden; their sum (education, 6) may be shown.
    expect(shown['education.FGU']).toBeNull();
    expect(shown['education.HF']).toBeNull();
    expect(shown.education).toBe(6);
    expect(s.rows.find((r) => r.key === 'flex_job')?.cells[2]).toBeNull();
    // Zeros beside small counts are hidden too (issue #22): ".." must not mean "at least one".
    expect(shown.moved).toBeNull();
  });
});
