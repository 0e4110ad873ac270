/**
 * Statistical disclosure control for tables shown outside the team.
 *
 * A table is a set of cells with non-negative counts and "lines": each line
 * says sum(parts) = total (a row with its row total, a column with its column
 * total, education kinds summing to education, …). Every published cell and
 * every line is known to the reader.
 *
 * Primary suppression hides counts 1..threshold-1. Secondary (complementary)
 * suppression then hides more cells until no hidden cell can be worked out
 * from the lines: (1) no line may have exactly one hidden cell; (2) no hidden
 * cell may be fixed by the equations together (checked exactly by Gaussian
 * elimination: a cell is determined iff its unit vector lies in the row space
 * of the equations restricted to the hidden cells). Complements are the
 * smallest non-zero cells that do the job; zero cells only when nothing else can.
 */

export interface Line {
  parts: number[];
  total: number;
}

export interface SuppressionProblem {
  values: number[];
  lines: Line[];
  /** Cells that must stay published (shown in another table already). */
  fixed?: boolean[];
  /** Cells that are not counts of people (never primary-suppressed). */
  insensitive?: boolean[];
}

export const DEFAULT_THRESHOLD = 5;

/**
 * Counts 1..threshold-1, and the zeros beside them: a zero on a line that has a
 * small count is hidden too (issue #22). Were zeros always shown, ".." would
 * mean "at least one", and two hidden cells summing to 2 would each be 1; two
 * reports where one shows ".." and the other 0 would give a person away.
 */
export function primaryCells(p: SuppressionProblem, threshold: number): boolean[] {
  const small = p.values.map((v, i) => !p.insensitive?.[i] && !p.fixed?.[i] && v > 0 && v < threshold);
  const hidden = [...small];
  for (const line of p.lines) {
    const cells = [...line.parts, line.total];
    if (!cells.some((c) => small[c])) continue;
    for (const c of cells) if (p.values[c] === 0 && !p.fixed?.[c] && !p.insensitive?.[c]) hidden[c] = true;
  }
  return hidden;
}

/** Indices of hidden cells whose value follows from the lines and the published cells. */
export function determinedCells(p: SuppressionProblem, hidden: boolean[]): number[] {
  const unknown = hidden.map((h, i) => (h ? i : -1)).filter((i) => i >= 0);
  if (unknown.length === 0) return [];
  const col = new Map(unknown.map((c, k) => [c, k]));
  const m: number[][] = [];
  for (const line of p.lines) {
    const row = new Array(unknown.length).fill(0);
    for (const c of line.parts) if (col.has(c)) row[col.get(c)!] += 1;
    if (col.has(line.total)) row[col.get(line.total)!] -= 1;
    if (row.some((x) => x !== 0)) m.push(row);
  }
  // Reduced row echelon form; entries stay small integers/rationals, so a tolerance is safe.
  const pivots: number[] = [];
  let r = 0;
  for (let c = 0; c < unknown.length && r < m.length; c++) {
    let best = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i][c]) > Math.abs(m[best][c])) best = i;
    if (Math.abs(m[best][c]) < 1e-9) continue;
    [m[r], m[best]] = [m[best], m[r]];
    const piv = m[r][c];
    for (let k = 0; k < unknown.length; k++) m[r][k] /= piv;
    for (let i = 0; i < m.length; i++) {
      if (i === r || Math.abs(m[i][c]) < 1e-12) continue;
      const f = m[i][c];
      for (let k = 0; k < unknown.length; k++) m[i][k] -= f * m[r][k];
    }
    pivots.push(c);
    r++;
  }
  const pivotSet = new Set(pivots);
  const out: number[] = [];
  pivots.forEach((c, rowIdx) => {
    const free = m[rowIdx].some((x, k) => k !== c && !pivotSet.has(k) && Math.abs(x) > 1e-9);
    if (!free) out.push(unknown[c]);
  });
  return out;
}

function linesOf(p: SuppressionProblem, cell: number): Line[] {
  return p.lines.filter((l) => l.total === cell || l.parts.includes(cell));
}

/** Candidates in preference order: non-zero before zero, then smallest value, then lowest index. */
function byPreference(p: SuppressionProblem, cells: number[]): number[] {
  return [...new Set(cells)]
    .filter((c) => !p.fixed?.[c])
    .sort((a, b) => Number(p.values[a] === 0) - Number(p.values[b] === 0) || p.values[a] - p.values[b] || a - b);
}

/** Returns which cells to hide. The input problem is not changed. */
export function suppress(p: SuppressionProblem, threshold = DEFAULT_THRESHOLD): boolean[] {
  const hidden = primaryCells(p, threshold);
  if (!hidden.some(Boolean)) return hidden;
  for (let guard = 0; guard < p.values.length * 4 + 10; guard++) {
    // (1) A line with a single hidden cell gives it away: hide the smallest other cell of that line.
    let changed = false;
    for (const line of p.lines) {
      const cells = [...line.parts, line.total];
      if (cells.filter((c) => hidden[c]).length !== 1) continue;
      const pick = byPreference(p, cells.filter((c) => !hidden[c]))[0];
      if (pick !== undefined) {
        hidden[pick] = true;
        changed = true;
      }
    }
    if (changed) continue;
    // (1b) The hidden parts of a line with a shown total add up to a known sum: it must not be a small
    // count itself (hidden 3 and 0 beside a shown total say "3 people are in these two rows"), nor 0.
    for (const line of p.lines) {
      if (hidden[line.total]) continue;
      if (!line.parts.some((c) => hidden[c])) continue;
      // A hidden sum of 0 is as telling: every hidden part is then 0.
      const sum = line.parts.filter((c) => hidden[c]).reduce((s, c) => s + p.values[c], 0);
      if (sum >= threshold) continue;
      const pick = byPreference(p, line.parts.filter((c) => !hidden[c] && p.values[c] > 0))[0] ?? byPreference(p, [line.total])[0];
      if (pick !== undefined) {
        hidden[pick] = true;
        changed = true;
        break;
      }
    }
    if (changed) continue;
    // (2) Cells fixed by several lines together (e.g. a bridge between two blocks of hidden cells).
    const det = determinedCells(p, hidden);
    if (det.length === 0) return hidden;
    const target = det[0];
    const all = byPreference(p, p.values.map((_, i) => i).filter((i) => !hidden[i]));
    const near = new Set(linesOf(p, target).flatMap((l) => [...l.parts, l.total]));
    // Prefer the smallest single cell that frees the target; otherwise widen near the target.
    const freeing = all.find((c) => {
      const trial = [...hidden];
      trial[c] = true;
      return !determinedCells(p, trial).includes(target);
    });
    const pick = freeing ?? all.find((c) => near.has(c)) ?? all[0];
    if (pick === undefined) return hidden;
    hidden[pick] = true;
  }
  return hidden;
}

/**
 * A 2-D table of counts with row totals, column totals and a grand total,
 * laid out row-major as an (r+1)×(c+1) grid; the last row and column are totals.
 */
export function gridProblem(cells: number[][]): { problem: SuppressionProblem; index: (i: number, j: number) => number } {
  const r = cells.length;
  const c = r ? cells[0].length : 0;
  const width = c + 1;
  const index = (i: number, j: number) => i * width + j;
  const values: number[] = new Array((r + 1) * width).fill(0);
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < c; j++) {
      values[index(i, j)] = cells[i][j];
      values[index(i, c)] += cells[i][j];
      values[index(r, j)] += cells[i][j];
      values[index(r, c)] += cells[i][j];
    }
  }
  const lines: Line[] = [];
  for (let i = 0; i <= r; i++) lines.push({ parts: Array.from({ length: c }, (_, j) => index(i, j)), total: index(i, c) });
  for (let j = 0; j <= c; j++) lines.push({ parts: Array.from({ length: r }, (_, i) => index(i, j)), total: index(r, j) });
  return { problem: { values, lines }, index };
}
