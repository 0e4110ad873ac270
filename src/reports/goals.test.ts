import { describe, expect, it } from 'vitest';
import { evaluateGoal, describeResult, validateGoals, goalsTable, type GoalDefinition } from './goals.ts';
import type { PathwayRecord } from './types.ts';

const selfSupporting: GoalDefinition = {
  id: 'self-supporting-6m',
  kind: 'share',
  title: 'Selvforsørgende via uddannelse eller ordinært arbejde blandt unge matchet med mentor for mindst 6 måneder siden',
  target: 0.25,
  population: { field: 'mentorMatchedAt', op: 'monthsAgoAtLeast', months: 6 },
  success: { field: 'status', op: 'in', values: ['education', 'ordinary_employment'] },
};
const ctx = { asOf: '2026-11-01', from: '2026-01-01', to: '2026-12-31' };

function viborg(): PathwayRecord[] {
  const out: PathwayRecord[] = [];
  for (let i = 0; i < 56; i++) {
    out.push({
      id: `v${i}`, startedAt: '2025-09-01', mentorMatchedAt: '2026-03-01',
      outcome: i < 10 ? 'ordinary_employment' : i < 17 ? 'education' : i < 20 ? 'flex_job' : null,
      outcomeDate: i < 20 ? '2026-09-15' : null, educationKind: i >= 10 && i < 17 ? 'EUD' : null,
    });
  }
  // Matched too recently: outside the population.
  for (let i = 0; i < 9; i++) out.push({ id: `r${i}`, startedAt: '2026-08-01', mentorMatchedAt: '2026-08-15', outcome: 'education', outcomeDate: '2026-10-01', educationKind: 'FGU' });
  // Never matched with a mentor.
  out.push({ id: 'n', startedAt: '2025-01-01', outcome: 'ordinary_employment', outcomeDate: '2025-06-01' });
  return out;
}

describe('programme goals', () => {
  it('computes Viborg\'s figure: 30 %, 17 of 56, target 25 % met', () => {
    const r = evaluateGoal(selfSupporting, viborg(), {}, ctx);
    expect([r.numerator, r.denominator, r.met]).toEqual([17, 56, true]);
    expect(describeResult(r)).toBe('30 % (17 af 56)');
  });

  it('counts job openings created in the goal year against the target', () => {
    const g: GoalDefinition = { id: 'openings-2026', kind: 'count', title: '75 jobåbninger i 2026', target: 75, entity: 'job_openings', from: '2026-01-01', to: '2026-12-31' };
    const dates = [...Array(52).fill('2026-05-01'), '2025-12-31', '2027-01-01'];
    const r = evaluateGoal(g, [], { job_openings: dates }, ctx);
    expect([r.actual, r.met]).toEqual([52, false]);
    expect(describeResult(r)).toBe('52 af 75');
    expect(goalsTable([r]).rows[0].cells).toEqual(['75 jobåbninger i 2026', '75', '52 af 75', 52, 75, 'Nej']);
  });

  it('supports all / any / not in definitions', () => {
    const g: GoalDefinition = {
      ...selfSupporting, id: 'young-ones',
      population: { all: [{ field: 'startedAt', op: 'exists' }, { not: { field: 'mentorMatchedAt', op: 'missing' } }, { field: 'age', op: 'between', min: 0, max: 120 }] },
      success: { any: [{ field: 'educationKind', op: 'in', values: ['FGU'] }, { field: 'statusGroup', op: 'in', values: ['job'] }] },
    };
    const r = evaluateGoal(g, viborg().map((p) => ({ ...p, age: 20 })), {}, ctx);
    expect([r.numerator, r.denominator]).toEqual([9 + 13, 65]);
  });

  it('accepts valid definitions as data and refuses invalid ones with a Danish message', () => {
    expect(validateGoals(JSON.parse(JSON.stringify([selfSupporting]))).ok).toBe(true);
    const bad = validateGoals([{ ...selfSupporting, target: 25 }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatch(/Feltet/);
    expect(validateGoals([{ ...selfSupporting, population: { field: 'status', op: 'in', values: ['rich'] } }]).ok).toBe(false);
    const backwards = validateGoals([{ id: 'x', kind: 'count', title: 'x', target: 3, entity: 'events', from: '2026-12-31', to: '2026-01-01' }]);
    expect(backwards.ok).toBe(false);
  });
});
