// The same assignment as an LP for HiGHS (CPLEX LP format). The constraint
// matrix of a bipartite b-matching is totally unimodular, so the LP optimum is
// integral and must equal our exact optimum.
import type { AssignmentProblem } from '../../src/matching/engine/assign.ts';

/** Terms per line: HiGHS reads long lines, but short ones keep memory and parsing tame. */
const TERMS_PER_LINE = 32;

function pushTerms(lines: string[], head: string, terms: string[], tail: string): void {
  for (let k = 0; k < terms.length; k += TERMS_PER_LINE) {
    const chunk = terms.slice(k, k + TERMS_PER_LINE).join(' + ');
    lines.push(k === 0 ? `${head} ${chunk}` : `  + ${chunk}`);
  }
  if (tail) lines[lines.length - 1] += ` ${tail}`;
}

/** maximise Σ score·x  s.t. Σ_j x_ij ≤ 1 per young person, Σ_i x_ij ≤ cap_j per opening, 0 ≤ x ≤ 1. */
export function buildLp(p: AssignmentProblem): string {
  const n = p.pairScore.length;
  const byYouth: string[][] = Array.from({ length: p.youthCount }, () => []);
  const byOpening: string[][] = Array.from({ length: p.openingCount }, () => []);
  const objective: string[] = [];
  for (let e = 0; e < n; e++) {
    const x = `x${e}`;
    objective.push(`${p.pairScore[e]} ${x}`);
    byYouth[p.pairYouth[e]].push(x);
    byOpening[p.pairOpening[e]].push(x);
  }
  const lines = ['Maximize'];
  pushTerms(lines, ' total:', objective, '');
  lines.push('Subject To');
  byYouth.forEach((xs, i) => xs.length > 0 && pushTerms(lines, ` y${i}:`, xs, '<= 1'));
  byOpening.forEach((xs, j) => xs.length > 0 && pushTerms(lines, ` o${j}:`, xs, `<= ${p.capacity[j]}`));
  lines.push('Bounds');
  for (let e = 0; e < n; e++) lines.push(` 0 <= x${e} <= 1`);
  lines.push('End', '');
  return lines.join('\n');
}

export interface HighsRun {
  readonly objective: number;
  readonly solveMs: number;
  readonly buildMs: number;
  readonly lpChars: number;
  readonly status: string;
}

export async function solveWithHighs(p: AssignmentProblem): Promise<HighsRun> {
  const highs = await (await import('highs')).default();
  const t0 = performance.now();
  const lp = buildLp(p);
  const buildMs = performance.now() - t0;
  const t1 = performance.now();
  const sol = highs.solve(lp, { output_flag: false } as never);
  const solveMs = performance.now() - t1;
  if (sol.Status !== 'Optimal') throw new Error(`HiGHS did not reach an optimum: ${sol.Status}`);
  // Scores are integers and the LP is integral: the objective is an integer up to float noise.
  const objective = Math.round(sol.ObjectiveValue);
  if (Math.abs(objective - sol.ObjectiveValue) > 1e-6 * Math.max(1, objective)) {
    throw new Error(`HiGHS objective ${sol.ObjectiveValue} is not integral`);
  }
  return { objective, solveMs, buildMs, lpChars: lp.length, status: sol.Status };
}
