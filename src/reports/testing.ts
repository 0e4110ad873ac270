import type { EducationKind, Outcome, PathwayRecord } from './types.ts';

/**
 * The PÅ VEJ cohort from the Billund report: 32 started; 4 ordinary
 * employment, 3 flex job, 4 disability pension, 6 education (FGU 2, STU 1,
 * EUD 2, HF 1), 14 back on public benefits, 1 still active.
 * Used by tests and the demo seed.
 */
export function paaVejCohort(): PathwayRecord[] {
  const spec: [Outcome | null, number, EducationKind?][] = [
    ['ordinary_employment', 4], ['flex_job', 3], ['disability_pension', 4],
    ['education', 2, 'FGU'], ['education', 1, 'STU'], ['education', 2, 'EUD'], ['education', 1, 'HF'],
    ['public_benefits', 14], [null, 1],
  ];
  const out: PathwayRecord[] = [];
  let n = 0;
  for (const [outcome, count, edu] of spec) {
    for (let i = 0; i < count; i++, n++) {
      const month = String(1 + (n % 12)).padStart(2, '0');
      out.push({
        id: `pv-${n}`,
        startedAt: `2025-${month}-10`,
        outcome,
        educationKind: edu ?? null,
        outcomeDate: outcome ? '2026-06-30' : null,
        readiness: n % 3 === 0 ? 'activity_ready' : 'ready',
        age: 18 + (n % 8),
      });
    }
  }
  return out;
}
