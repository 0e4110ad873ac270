import { describe, expect, it, beforeAll } from 'vitest';
import fc from 'fast-check';
import highsLoader from 'highs';
import { determinedCells, gridProblem, suppress, type SuppressionProblem } from './suppression.ts';

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
    }), { numRuns: 120 });
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
    }), { numRuns: 120 });
  }, 180_000);
});
