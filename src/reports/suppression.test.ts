import { describe, expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import highsLoader from 'highs';
import { determinedCells, gridProblem, suppress, type SuppressionProblem } from './suppression.ts';
import { buildReport, forView } from './report.ts';
import { suppressLinkedCohorts } from './suppress-report.ts';
import type { ReportTable } from './types.ts';
import { EDUCATION_KINDS, OUTCOMES, type PathwayRecord } from './types.ts';
import { runs } from '../../test/property-runs.ts';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;
beforeAll(async () => { highs = await highsLoader(); });

/**
 * The attacker's view: published cells are known, hidden cells are unknown
 * non-negative numbers, every line holds. For each hidden cell, the LP gives
 * its smallest and largest possible value; the network matrix is totally
 * unimodular, so these are integers and "not recoverable" means max > min.
 */
function range(p: SuppressionProblem, hidden: boolean[], cell: number): { min: number; max: number } {
  const name = (i: number) => `x${i}`;
  const terms = (cells: number[], sign: number) => cells.map((c) => ({ c, s: sign }));
  const cons: string[] = [];
  p.lines.forEach((l, k) => {
    let rhs = 0;
    const lhs: string[] = [];
    for (const { c, s } of [...terms(l.parts, 1), ...terms([l.total], -1)]) {
      if (hidden[c]) lhs.push(`${s > 0 ? '+' : '-'} ${name(c)}`);
      else rhs -= s * p.values[c];
    }
    if (lhs.length) cons.push(` c${k}: ${lhs.join(' ')} = ${rhs}`);
  });
  const vars = hidden.map((h, i) => (h ? name(i) : null)).filter(Boolean);
  const model = (sense: string) => `${sense}\n obj: ${name(cell)}\nsubject to\n${cons.join('\n')}\nbounds\n${vars.map((v) => ` ${v} >= 0`).join('\n')}\nend\n`;
  const lo = highs.solve(model('minimize'));
  const hi = highs.solve(model('maximize'));
  expect(lo.Status).toBe('Optimal');
  return { min: lo.ObjectiveValue, max: hi.Status === 'Unbounded' ? Infinity : hi.ObjectiveValue };
}

const tableArb = fc.integer({ min: 1, max: 6 }).chain((r) =>
  fc.integer({ min: 1, max: 6 }).chain((c) =>
    fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 })), { minLength: c, maxLength: c }), { minLength: r, maxLength: r })));

describe('suppression', () => {
  it('hides nothing when every count is 0 or at least the threshold', () => {
    const { problem } = gridProblem([[5, 0], [12, 7]]);
    expect(suppress(problem).some(Boolean)).toBe(false);
  });

  it('hides a small cell and the smallest complements in its row and column (a rectangle)', () => {
    const { problem, index } = gridProblem([[3, 10, 20], [8, 9, 30], [40, 50, 60]]);
    const h = suppress(problem);
    expect(h[index(0, 0)]).toBe(true);
    expect(h[index(0, 1)]).toBe(true); // smallest other cell in row 0
    expect(h[index(1, 0)]).toBe(true); // smallest other cell in column 0
    expect(h[index(1, 1)]).toBe(true); // closes the rectangle
    expect(h.filter(Boolean).length).toBe(4);
    for (let i = 0; i < h.length; i++) if (h[i]) expect(range(problem, h, i).max).toBeGreaterThan(range(problem, h, i).min);
  });

  it('finds a cell fixed by two blocks joined by one cell, which the line rule alone misses', () => {
    // Hidden: two rectangles joined by a bridge cell: every line has 0 or ≥ 2 hidden cells.
    const { problem, index } = gridProblem([[10, 10, 10, 0], [10, 10, 10, 0], [0, 0, 10, 10], [0, 0, 10, 10]]);
    const hidden = problem.values.map(() => false);
    for (const [i, j] of [[0, 0], [0, 1], [1, 0], [1, 1], [2, 2], [2, 3], [3, 2], [3, 3], [0, 2], [1, 2]]) hidden[index(i, j)] = true;
    hidden[index(1, 2)] = false;
    hidden[index(3, 2)] = true;
    expect(determinedCells(problem, hidden)).toContain(index(0, 2));
  });

  it('property: no hidden cell of a random 2-D table can be worked out from the published cells and totals', () => {
    fc.assert(fc.property(tableArb, fc.integer({ min: 3, max: 10 }), (cells, threshold) => {
      const { problem } = gridProblem(cells);
      const hidden = suppress(problem, threshold);
      problem.values.forEach((v, i) => {
        if (v > 0 && v < threshold) expect(hidden[i]).toBe(true);
      });
      for (let i = 0; i < hidden.length; i++) {
        if (!hidden[i]) continue;
        const { min, max } = range(problem, hidden, i);
        expect(max - min).toBeGreaterThanOrEqual(1);
        // A primary cell must not even be narrowed to exactly its true value.
        expect(min <= problem.values[i] && problem.values[i] <= max).toBe(true);
      }
    }), { numRuns: runs(120) });
  }, 180_000);

  it('property: nested lists (kinds summing to a category, categories to the total) are protected too', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 8 }), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 }), (top, sub) => {
      // Cell 0 is the category broken down by `sub`; cells 1..k the other categories; then the total; then sub-kinds.
      const cat = sub.reduce((a, b) => a + b, 0);
      const values = [cat, ...top, 0, ...sub];
      const total = 1 + top.length;
      values[total] = cat + top.reduce((a, b) => a + b, 0);
      const subIdx = sub.map((_, k) => total + 1 + k);
      const p: SuppressionProblem = { values, lines: [{ parts: [0, ...top.map((_, k) => 1 + k)], total }, { parts: subIdx, total: 0 }] };
      const hidden = suppress(p);
      for (let i = 0; i < hidden.length; i++) if (hidden[i]) expect(range(p, hidden, i).max - range(p, hidden, i).min).toBeGreaterThanOrEqual(1);
    }), { numRuns: runs(120) });
  }, 180_000);

  it('property: the key figures "Unge startet" and "I job eller uddannelse nu" give no hidden outcome cell away', () => {
    const small = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 30 }));
    const others = OUTCOMES.filter((o) => o !== 'education');
    const countsArb = fc.record({
      outcome: fc.array(small, { minLength: others.length, maxLength: others.length }),
      education: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: EDUCATION_KINDS.length, maxLength: EDUCATION_KINDS.length }),
    });
    fc.assert(fc.property(countsArb, fc.integer({ min: 3, max: 10 }), ({ outcome, education }, threshold) => {
      const records: PathwayRecord[] = [];
      const add = (o: (typeof OUTCOMES)[number], n: number, edu?: (typeof EDUCATION_KINDS)[number]) => {
        for (let i = 0; i < n; i++) {
          records.push({ id: `r${records.length}`, startedAt: '2025-03-01', outcome: o === 'still_active' ? null : o, educationKind: edu ?? null, outcomeDate: '2025-12-01' });
        }
      };
      others.forEach((o, i) => add(o, outcome[i]));
      EDUCATION_KINDS.forEach((e, i) => add('education', education[i], e));
      const period = { from: '2025-01-01', to: '2025-12-31', asOf: '2026-06-30' };
      const team = buildReport({ partnership: { id: 'p', name: 'P' }, period, records, facts: {}, goals: [] });
      const shown = forView(team, 'suppressed', threshold);
      const exact = team.tables.find((t) => t.id === 'outcomes')!;
      const pub = shown.tables.find((t) => t.id === 'outcomes')!;
      const fig = (b: typeof team, key: string) => b.keyFigures.find((k) => k.key === key)!;

      // The reader's equations, built here from the table's meaning (not from the code under test):
      // top rows sum to the total, education kinds to education, the key figures to their rows.
      const row = (key: string) => exact.rows.findIndex((r) => r.key === key);
      const n = exact.rows.length, joe = n, started = n + 1;
      const values = [...exact.rows.map((r) => r.cells[1] as number), fig(team, 'job_or_education').value!, fig(team, 'started').value!];
      const hidden = [...pub.rows.map((r) => r.suppressed![1]), fig(shown, 'job_or_education').value === null, fig(shown, 'started').value === null];
      // A shown share of those started gives the count away as well.
      if (fig(shown, 'job_or_education_share').value !== null && !hidden[started]) hidden[joe] = false;
      pub.rows.forEach((r, i) => { if (r.cells[2] !== null && !hidden[row('total')]) hidden[i] = false; });
      const p: SuppressionProblem = {
        values,
        lines: [
          { parts: exact.rows.map((r, i) => (r.level || r.key === 'total' ? -1 : i)).filter((i) => i >= 0), total: row('total') },
          { parts: exact.rows.map((r, i) => (r.level === 1 ? i : -1)).filter((i) => i >= 0), total: row('education') },
          { parts: ['ordinary_employment', 'flex_job', 'education'].map(row), total: joe },
          { parts: [row('total')], total: started },
        ],
      };
      for (let i = 0; i < n; i++) if (values[i] > 0 && values[i] < threshold) expect(hidden[i]).toBe(true);
      for (let i = 0; i < values.length; i++) {
        // Zeros beside small counts are hidden so that ".." does not mean "at least one" (issue #22);
        // such a zero may still follow from the key figures (it was always shown before): every
        // hidden count of people must stay open.
        if (!hidden[i] || values[i] === 0) continue;
        const { min, max } = range(p, hidden, i);
        expect(max - min).toBeGreaterThanOrEqual(1);
        expect(min <= values[i] && values[i] <= max).toBe(true);
      }
    }), { numRuns: runs(150) });
  }, 180_000);

  it('property: two cohort tables of the same people (by readiness, by placement kind) give no hidden cell away together', () => {
    const ncol = 3;
    const personArb = fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: ncol - 1 }));
    fc.assert(fc.property(fc.array(personArb, { maxLength: 60 }), fc.integer({ min: 3, max: 8 }), (people, threshold) => {
      const table = (id: string, groups: number, of: (p: [number, number, number]) => number): ReportTable => {
        const body = Array.from({ length: groups }, (_, g) => Array.from({ length: ncol }, (_, c) => people.filter((p) => of(p) === g && p[2] === c).length));
        const colTotals = Array.from({ length: ncol }, (_, c) => body.reduce((s2, r) => s2 + r[c], 0));
        return {
          id, title: id,
          columns: [{ key: 'g', label: '', kind: 'text' }, ...Array.from({ length: ncol }, (_, c) => ({ key: `s${c}`, label: '', kind: 'count' as const })), { key: 'total', label: '', kind: 'count' }],
          rows: [...body.map((r, g) => ({ key: `g${g}`, cells: [`g${g}`, ...r, r.reduce((a, b) => a + b, 0)] })), { key: 'total', cells: ['I alt', ...colTotals, colTotals.reduce((a, b) => a + b, 0)] }],
        };
      };
      const tables = [table('cohort_3m_start_readiness', 4, (p) => p[0]), table('cohort_3m_start_placement_kind', 5, (p) => p[1])];
      const shown = suppressLinkedCohorts(tables, threshold);
      // The reader's unknowns: every body cell and row total of both tables, and the shared total row.
      const values: number[] = [], hidden: boolean[] = [], lines: SuppressionProblem['lines'] = [];
      const totalAt: number[] = [];
      tables[0].rows.at(-1)!.cells.slice(1).forEach((v, j) => {
        totalAt.push(values.length);
        values.push(v as number);
        hidden.push(shown.every((t) => t.rows.at(-1)!.suppressed![1 + j])); // known if shown in either table
      });
      tables.forEach((t, k) => {
        const rowCells = t.rows.slice(0, -1).map((r, ri) => r.cells.slice(1).map((v, j) => {
          values.push(v as number);
          hidden.push(shown[k].rows[ri].suppressed![1 + j]);
          return values.length - 1;
        }));
        rowCells.forEach((cells) => lines.push({ parts: cells.slice(0, ncol), total: cells[ncol] }));
        for (let j = 0; j <= ncol; j++) lines.push({ parts: rowCells.map((cells) => cells[j]), total: totalAt[j] });
      });
      const p: SuppressionProblem = { values, lines };
      values.forEach((v, i) => { if (v > 0 && v < threshold) expect(hidden[i]).toBe(true); });
      for (let i = 0; i < values.length; i++) {
        if (!hidden[i]) continue;
        const { min, max } = range(p, hidden, i);
        expect(max - min).toBeGreaterThanOrEqual(1);
      }
    }), { numRuns: runs(80) });
  }, 180_000);
});
