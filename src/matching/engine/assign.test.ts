import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, type AssignmentProblem } from './assign.ts';
import { runs } from '../../../test/property-runs.ts';

/** Exhaustive optimum: every young person tries every allowed opening or none. */
function bruteForce(p: AssignmentProblem): number {
  const options: { opening: number; score: number }[][] = Array.from({ length: p.youthCount }, () => []);
  for (let e = 0; e < p.pairYouth.length; e++) options[p.pairYouth[e]].push({ opening: p.pairOpening[e], score: p.pairScore[e] });
  const left = Array.from(p.capacity);
  const go = (i: number): number => {
    if (i === p.youthCount) return 0;
    let best = go(i + 1);
    for (const o of options[i]) {
      if (left[o.opening] === 0) continue;
      left[o.opening]--;
      best = Math.max(best, o.score + go(i + 1));
      left[o.opening]++;
    }
    return best;
  };
  return go(0);
}

const smallInstance = fc
  .record({ youth: fc.integer({ min: 0, max: 6 }), openings: fc.integer({ min: 1, max: 5 }) })
  .chain(({ youth, openings }) =>
    fc.record({
      youthCount: fc.constant(youth),
      openingCount: fc.constant(openings),
      capacity: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: openings, maxLength: openings }),
      pairs: fc.uniqueArray(
        fc.record({
          youth: fc.integer({ min: 0, max: Math.max(0, youth - 1) }),
          opening: fc.integer({ min: 0, max: openings - 1 }),
          score: fc.integer({ min: 0, max: 100 }),
        }),
        { selector: (p) => `${p.youth}:${p.opening}`, maxLength: youth * openings },
      ),
    }),
  )
  .map((r): AssignmentProblem => ({
    youthCount: r.youthCount,
    openingCount: r.openingCount,
    capacity: r.capacity,
    pairYouth: r.pairs.map((p) => p.youth),
    pairOpening: r.pairs.map((p) => p.opening),
    pairScore: r.pairs.map((p) => p.score),
  }));

function checkFeasible(p: AssignmentProblem, openingOf: Int32Array, pairOf: Int32Array): void {
  const load = new Array<number>(p.openingCount).fill(0);
  for (let i = 0; i < p.youthCount; i++) {
    if (openingOf[i] < 0) {
      expect(pairOf[i]).toBe(-1);
      continue;
    }
    const e = pairOf[i];
    // The pair used must be in the allowed list, for this young person and opening.
    expect(e).toBeGreaterThanOrEqual(0);
    expect(p.pairYouth[e]).toBe(i);
    expect(p.pairOpening[e]).toBe(openingOf[i]);
    load[openingOf[i]]++;
  }
  for (let j = 0; j < p.openingCount; j++) expect(load[j]).toBeLessThanOrEqual(p.capacity[j]);
}

describe('assign: exact optimum', () => {
  it('equals brute force on many small random instances', () => {
    fc.assert(
      fc.property(smallInstance, (p) => {
        const r = assign(p);
        expect(r.totalScore).toBe(bruteForce(p));
      }),
      { seed: 20250301, numRuns: runs(1000) },
    );
  });

  it('never uses a pair outside the allowed list and never exceeds capacity', () => {
    fc.assert(
      fc.property(smallInstance, (p) => {
        const r = assign(p);
        checkFeasible(p, r.openingOf, r.pairOf);
        const sum = Array.from(r.pairOf).reduce((s, e) => s + (e >= 0 ? p.pairScore[e] : 0), 0);
        expect(sum).toBe(r.totalScore);
      }),
      { seed: 7, numRuns: runs(1000) },
    );
  });

  it('prefers giving two people a good place over one person a slightly better one', () => {
    // Ana: A 10, B 9. Bo: A 8. Capacity 1 each → Ana B, Bo A = 17 (not Ana A = 10).
    const r = assign({ youthCount: 2, openingCount: 2, capacity: [1, 1], pairYouth: [0, 0, 1], pairOpening: [0, 1, 0], pairScore: [10, 9, 8] });
    expect(r.totalScore).toBe(17);
    expect(Array.from(r.openingOf)).toEqual([1, 0]);
  });

  it('leaves people unassigned when there is no room, and ignores score ≤ 0 and capacity 0', () => {
    const r = assign({ youthCount: 3, openingCount: 2, capacity: [1, 0], pairYouth: [0, 1, 2, 2], pairOpening: [0, 0, 1, 0], pairScore: [5, 7, 50, -3] });
    expect(r.totalScore).toBe(7);
    expect(Array.from(r.openingOf)).toEqual([-1, 0, -1]);
    expect(r.assignedCount).toBe(1);
  });

  it('keeps the best score of duplicate pairs', () => {
    const r = assign({ youthCount: 1, openingCount: 1, capacity: [1], pairYouth: [0, 0], pairOpening: [0, 0], pairScore: [3, 9] });
    expect(r.totalScore).toBe(9);
    expect(r.pairOf[0]).toBe(1);
  });

  it('handles an empty network', () => {
    expect(assign({ youthCount: 0, openingCount: 0, capacity: [], pairYouth: [], pairOpening: [], pairScore: [] }).totalScore).toBe(0);
  });

  it('rejects non-integer scores and out-of-range pairs', () => {
    const base = { youthCount: 1, openingCount: 1, capacity: [1], pairYouth: [0], pairOpening: [0] };
    expect(() => assign({ ...base, pairScore: [1.5] })).toThrow(RangeError);
    expect(() => assign({ ...base, pairOpening: [1], pairScore: [1] })).toThrow(RangeError);
    expect(() => assign({ ...base, capacity: [-1], pairScore: [1] })).toThrow(RangeError);
  });
});

describe('assign: agrees with the HiGHS LP optimum on medium instances', () => {
  it('matches on random sparse instances', async () => {
    const highs = await (await import('highs')).default();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const p = randomSparse(seed, 120, 80);
        const lp = [
          'Maximize',
          ` obj: ${Array.from(p.pairScore, (s, e) => `${s} x${e}`).join(' + ')}`,
          'Subject To',
          ...rowsBy(p.pairYouth, p.youthCount).map((xs, i) => (xs.length ? ` y${i}: ${xs.join(' + ')} <= 1` : '')),
          ...rowsBy(p.pairOpening, p.openingCount).map((xs, j) => (xs.length ? ` o${j}: ${xs.join(' + ')} <= ${p.capacity[j]}` : '')),
          'End',
        ].filter(Boolean).join('\n');
        const sol = highs.solve(lp, { output_flag: false } as never);
        expect(sol.Status).toBe('Optimal');
        expect(assign(p).totalScore).toBe(Math.round(sol.ObjectiveValue));
      }),
      { seed: 99, numRuns: runs(8) },
    );
  });
});

function rowsBy(index: ArrayLike<number>, count: number): string[][] {
  const rows: string[][] = Array.from({ length: count }, () => []);
  for (let e = 0; e < index.length; e++) rows[index[e]].push(`x${e}`);
  return rows;
}

/** Deterministic sparse instance: each young person gets 3–12 openings, scores 1–100 with many ties. */
function randomSparse(seed: number, youthCount: number, openingCount: number): AssignmentProblem {
  let x = seed >>> 0;
  const next = (k: number): number => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return Math.floor((x / 2 ** 32) * k);
  };
  const pairYouth: number[] = [], pairOpening: number[] = [], pairScore: number[] = [];
  for (let i = 0; i < youthCount; i++) {
    const seen = new Set<number>();
    for (let d = 3 + next(10); d > 0; d--) {
      const j = next(openingCount);
      if (seen.has(j)) continue;
      seen.add(j);
      pairYouth.push(i); pairOpening.push(j); pairScore.push(1 + next(20) * 5);
    }
  }
  const capacity = Array.from({ length: openingCount }, () => 1 + next(3));
  return { youthCount, openingCount, capacity, pairYouth, pairOpening, pairScore };
}
