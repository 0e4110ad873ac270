import type { ReportTable } from './types.ts';
import { DEFAULT_THRESHOLD, gridProblem, suppress, type SuppressionProblem } from './suppression.ts';

/**
 * Applies primary + secondary suppression to a report table for viewers outside
 * the team. Which cells add up to which is table-specific, so each table kind
 * says how its cells form lines; derived cells (shares, rates, quantiles) are
 * hidden with the counts they would reveal.
 */
export function suppressTable(t: ReportTable, threshold = DEFAULT_THRESHOLD): ReportTable {
  return suppressWithFigures(t, threshold, []).table;
}

/** A published figure (a key figure) that is the sum of some rows of a list table. */
export interface FigureLine {
  /** Keys of the rows (count column) that add up to the figure; may be just ['total']. */
  parts: string[];
  value: number;
}

/**
 * Like suppressTable, and the figures are extra margins of the same suppression
 * problem: each is a virtual cell with the line sum(parts) = figure. A figure
 * can then neither give away a hidden cell nor stay shown when it would; the
 * result says which figures must be hidden. Only list tables take figures.
 */
export function suppressWithFigures(t: ReportTable, threshold: number, figures: FigureLine[]): { table: ReportTable; hiddenFigures: boolean[] } {
  const isList = t.id === 'outcomes' || t.id === 'breakdowns' || t.id.startsWith('network_list');
  if (figures.length && !isList) throw new Error(`Tabellen ${t.id} tager ikke nøgletal som marginer`);
  let hiddenFigures = figures.map(() => false);
  const out: ReportTable = { ...t, rows: t.rows.map((r) => ({ ...r, cells: [...r.cells], suppressed: r.cells.map(() => false) })) };
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const rowIdx = (key: string) => out.rows.findIndex((r) => r.key === key);
  const hide = (ri: number, ci: number) => {
    if (ri < 0 || ci < 0) return;
    out.rows[ri].cells[ci] = null;
    out.rows[ri].suppressed![ci] = true;
  };
  /** Runs the solver on cells given as [row, col] positions (or virtual cells with a value). */
  const solve = (cells: ({ r: number; c: number } | { value: number; fixed?: boolean })[], lines: SuppressionProblem['lines']) => {
    const values = cells.map((x) => ('value' in x ? x.value : num(out.rows[x.r].cells[x.c])));
    const fixed = cells.map((x) => 'value' in x && !!x.fixed);
    const hidden = suppress({ values, lines, fixed }, threshold);
    cells.forEach((x, i) => { if (hidden[i] && 'r' in x) hide(x.r, x.c); });
    return hidden;
  };

  if (isList) {
    const total = rowIdx('total');
    const top = out.rows.map((r, i) => ({ r, i })).filter(({ r, i }) => i !== total && !r.level).map(({ i }) => i);
    const sub = out.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.level === 1).map(({ i }) => i);
    // Every count column is a list of its own (attendance: placements and days; activities: people and attendances).
    const countCols = t.columns.map((c, i) => (c.kind === 'count' ? i : -1)).filter((i) => i > 0);
    for (const col of countCols) {
      const cells: ({ r: number; c: number } | { value: number })[] = out.rows.map((_, i) => ({ r: i, c: col }));
      const lines = total >= 0 ? [{ parts: top, total }] : [];
      if (sub.length) lines.push({ parts: sub, total: rowIdx('education') });
      const withFigures = col === 1 ? figures : [];
      withFigures.forEach((f, k) => {
        const parts = f.parts.map(rowIdx);
        if (parts.some((i) => i < 0)) throw new Error(`Nøgletal på ukendte rækker i ${t.id}: ${f.parts.join(', ')}`);
        cells.push({ value: f.value });
        lines.push({ parts, total: out.rows.length + k });
      });
      const hidden = solve(cells, lines);
      if (col === 1) hiddenFigures = hidden.slice(out.rows.length);
    }
    // Shares and other figures of a hidden row would give its count away.
    out.rows.forEach((r, i) => { if (countCols.some((c) => r.suppressed![c])) for (let c = 1; c < t.columns.length; c++) if (t.columns[c].kind !== 'count') hide(i, c); });
  } else if (t.id === 'network_summary') {
    // Counts of companies, events, mentors and reviews: one mechanism for every count (issue #22).
    // Mentors by kind add up to the active mentors; each other row stands alone.
    const cells = out.rows.map((_, i) => ({ r: i, c: 1 }));
    const kinds = out.rows.map((r, i) => (r.level === 1 ? i : -1)).filter((i) => i >= 0);
    solve(cells, kinds.length ? [{ parts: kinds, total: rowIdx('mentors_active') }] : []);
    const small = (x: number) => x > 0 && x < threshold;
    const shareOf = (part: string, whole: string) => {
      const p = rowIdx(part);
      const w = rowIdx(whole);
      if (p < 0 || w < 0) return;
      if (out.rows[p].suppressed![1] || out.rows[w].suppressed![1] || small(num(t.rows[w].cells[1]) - num(t.rows[p].cells[1]))) hide(p, 2);
    };
    shareOf('active', 'members');
    shareOf('mentors_matched', 'mentors_active');
  } else if (t.id.startsWith('cohort_')) {
    const body = out.rows.filter((r) => r.key !== 'total');
    const ncol = t.columns.length - 2;
    const { problem } = gridProblem(body.map((r) => r.cells.slice(1, 1 + ncol).map(num)));
    const hidden = suppress(problem, threshold);
    hidden.forEach((h, k) => { if (h) hide(Math.floor(k / (ncol + 1)), 1 + (k % (ncol + 1))); });
  } else if (t.id === 'conversion' || t.id === 'company_conversion') {
    // Columns: placements (total), hired, and the unshown "not hired" = placements − hired.
    const total = rowIdx('total');
    const body = out.rows.map((_, i) => i).filter((i) => i !== total);
    const grid = body.map((i) => [num(out.rows[i].cells[2]), num(out.rows[i].cells[1]) - num(out.rows[i].cells[2])]);
    const { problem, index } = gridProblem(grid);
    const hidden = suppress(problem, threshold);
    [...body, total].forEach((ri, i) => {
      if (hidden[index(i, 0)]) hide(ri, 2);
      if (hidden[index(i, 2)]) hide(ri, 1);
      // A hidden "not hired" makes hired or placements unsafe: both columns were chosen by the solver.
    });
    out.rows.forEach((r, i) => { if (r.suppressed![1] || r.suppressed![2]) hide(i, 3); });
  } else if (t.id === 'funnel') {
    // Each step = next step + those who stopped there (unshown cells that can be worked out).
    const n = out.rows.length;
    const cells: ({ r: number; c: number } | { value: number })[] = out.rows.map((_, i) => ({ r: i, c: 1 }));
    const lines = [];
    for (let i = 0; i + 1 < n; i++) {
      cells.push({ value: num(out.rows[i].cells[1]) - num(out.rows[i + 1].cells[1]) });
      lines.push({ parts: [i + 1, n + i], total: i });
    }
    solve(cells, lines);
    out.rows.forEach((r, i) => {
      if (r.suppressed![1]) { hide(i, 2); hide(i, 3); if (i + 1 < n) hide(i + 1, 3); }
    });
    if (out.rows[0]?.suppressed![1]) out.rows.forEach((_, i) => hide(i, 2));
  } else if (t.id === 'time_to_placement') {
    const n = num(out.rows[rowIdx('n')].cells[1]);
    const without = num(out.rows[rowIdx('without')].cells[1]);
    // The total (those started) is published in the funnel and the outcome table, so it is fixed.
    solve([{ r: rowIdx('n'), c: 1 }, { r: rowIdx('without'), c: 1 }, { value: n + without, fixed: true }], [{ parts: [0, 1], total: 2 }]);
    if (n < threshold || out.rows[rowIdx('n')].suppressed![1]) for (const k of ['q1', 'median', 'q3']) hide(rowIdx(k), 1);
  } else if (t.id === 'goals') {
    out.rows.forEach((r, i) => {
      const a = num(r.cells[3]);
      const b = num(r.cells[4]);
      const isShare = typeof r.cells[1] === 'string' && String(r.cells[1]).endsWith('%');
      const small = (x: number) => x > 0 && x < threshold;
      // A count goal's result is a count like any other.
      if (!isShare) { if (small(a)) { hide(i, 2); hide(i, 3); } return; }
      if (small(a) || small(b) || small(b - a)) { hide(i, 2); hide(i, 3); hide(i, 4); return; }
      // The numerator is often a sum of outcome cells (e.g. education + ordinary job); shown
      // exactly it could give away a hidden cell of the outcome table. Rounded to 5 it cannot pin one.
      const ra = round5(a);
      const rb = round5(b);
      r.cells[2] = `ca. ${Math.round((ra / rb) * 100)} % (ca. ${ra} af ca. ${rb})`;
      r.cells[3] = ra;
      r.cells[4] = rb;
    });
    out.note = `Andelsmål vises med tæller og nævner afrundet til nærmeste 5; mål med tal under ${threshold} er skjult (..).`;
  } else {
    // A table without known lines: each count on its own.
    t.columns.forEach((c, ci) => {
      if (c.kind !== 'count') return;
      out.rows.forEach((r, ri) => { const v = num(r.cells[ci]); if (v > 0 && v < threshold) hide(ri, ci); });
    });
  }
  return { table: out, hiddenFigures };
}

export const round5 = (x: number) => Math.round(x / 5) * 5;

/**
 * Cohort tables that count the same people grouped two ways (rows by readiness,
 * rows by first placement kind) share their last row: the status totals and the
 * grand total. Suppressed one by one, a total hidden in one could be shown in
 * the other. Here they are one problem: the first table's grid with its totals,
 * and every further table's body rows whose columns add up to the same total row.
 */
export function suppressLinkedCohorts(tables: ReportTable[], threshold = DEFAULT_THRESHOLD): ReportTable[] {
  if (tables.length < 2) return tables.map((t) => suppressTable(t, threshold));
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  const ncol = tables[0].columns.length - 2;
  const width = ncol + 1;
  const bodies = tables.map((t) => t.rows.filter((r) => r.key !== 'total').map((r) => r.cells.slice(1, 1 + ncol).map(num)));
  const { problem } = gridProblem(bodies[0]);
  const totalRow = bodies[0].length; // the shared row of totals, in the first grid
  const values = [...problem.values];
  const lines = [...problem.lines];
  const offsets = [0];
  for (let k = 1; k < tables.length; k++) {
    const start = values.length;
    offsets.push(start);
    bodies[k].forEach((cells, i) => {
      const at = start + i * width;
      cells.forEach((v) => values.push(v));
      values.push(cells.reduce((a, b) => a + b, 0));
      lines.push({ parts: Array.from({ length: ncol }, (_, j) => at + j), total: at + ncol });
    });
    for (let j = 0; j <= ncol; j++) {
      lines.push({ parts: bodies[k].map((_, i) => start + i * width + j), total: totalRow * width + j });
    }
  }
  const hidden = suppress({ values, lines }, threshold);
  return tables.map((t, k) => {
    const out: ReportTable = { ...t, rows: t.rows.map((r) => ({ ...r, cells: [...r.cells], suppressed: r.cells.map(() => false) })) };
    const hide = (ri: number, ci: number) => { out.rows[ri].cells[ci] = null; out.rows[ri].suppressed![ci] = true; };
    out.rows.forEach((r, ri) => {
      for (let j = 0; j <= ncol; j++) {
        const cell = r.key === 'total' ? totalRow * width + j : offsets[k] + ri * width + j;
        if (hidden[cell]) hide(ri, 1 + j);
      }
    });
    return out;
  });
}

export function suppressTables(tables: ReportTable[], threshold = DEFAULT_THRESHOLD): ReportTable[] {
  return tables.map((t) => suppressTable(t, threshold));
}
