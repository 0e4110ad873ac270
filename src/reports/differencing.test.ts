import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../core/errors.ts';
import { buildReport, forView } from './report.ts';
import { suppressedPeriod } from './periods.ts';
import type { ReportBundle } from './bundle.ts';
import { EDUCATION_KINDS, OUTCOMES, type PathwayRecord } from './types.ts';
import { addMonths } from './dates.ts';
import { runs } from '../../test/property-runs.ts';

/**
 * Issue #22, differencing: two reports the steering group may ask for, whose
 * groups of young people differ by exactly one person, must not give that
 * person's outcome away. The attacker's moves searched here: a count cell shown
 * in both reports that differs by exactly 1 (the person is in it), and in the
 * outcome table the elimination "the total grew by one and every row but one
 * is shown and unchanged".
 */

const TODAY = '2026-12-08';

type Window = { from: string; to: string; asOf: string };

/** The people a report of `w` counts: started in the window (the cohort of every table). */
const population = (records: PathwayRecord[], w: Window) => new Set(records.filter((r) => r.startedAt >= w.from && r.startedAt <= w.to).map((r) => r.id));

function suppressedReport(records: PathwayRecord[], w: Window, threshold: number): ReportBundle {
  const team = buildReport({ partnership: { id: 'p', name: 'P' }, period: w, records, facts: {}, goals: [] });
  return forView(team, 'suppressed', threshold);
}

/** Every published count: table cells of count columns (and the counts of the time table), count key figures. */
function counts(b: ReportBundle): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const t of b.tables) {
    t.rows.forEach((r) => t.columns.forEach((c, i) => {
      const isCount = c.kind === 'count' || (t.id === 'time_to_placement' && (r.key === 'n' || r.key === 'without'));
      if (!isCount) return;
      out.set(`${t.id}/${r.key}/${c.key}`, r.suppressed?.[i] ? null : (r.cells[i] as number | null));
    }));
  }
  for (const k of b.keyFigures) if (k.kind === 'count') out.set(`figure/${k.key}`, k.suppressed ? null : k.value);
  return out;
}

/** What the attacker learns from two reports whose groups differ by one person: the cells that give the person away. */
function leaks(a: ReportBundle, b: ReportBundle): string[] {
  const ca = counts(a);
  const cb = counts(b);
  const found: string[] = [];
  for (const [key, va] of ca) {
    const vb = cb.get(key);
    if (typeof va === 'number' && typeof vb === 'number' && Math.abs(va - vb) === 1) found.push(key);
  }
  // Elimination in the outcome table: the total moved by one, all top rows but one are shown and equal.
  const oa = a.tables.find((t) => t.id === 'outcomes')!;
  const ob = b.tables.find((t) => t.id === 'outcomes')!;
  const cell = (t: typeof oa, key: string) => { const r = t.rows.find((x) => x.key === key)!; return r.suppressed?.[1] ? null : r.cells[1]; };
  const ta = cell(oa, 'total');
  const tb = cell(ob, 'total');
  if (typeof ta === 'number' && typeof tb === 'number' && Math.abs(ta - tb) === 1) {
    const open = oa.rows.filter((r) => !r.level && r.key !== 'total').filter((r) => {
      const x = cell(oa, r.key);
      const y = cell(ob, r.key);
      return !(typeof x === 'number' && typeof y === 'number' && x === y);
    });
    if (open.length === 1) found.push(`outcomes/${open[0].key} by elimination`);
  }
  return found;
}

/** Every pair of windows (same status date) whose groups differ by exactly one person, and what they give away. */
function search(records: PathwayRecord[], windows: Window[], threshold: number): string[] {
  const reports = windows.map((w) => ({ w, pop: population(records, w), b: suppressedReport(records, w, threshold) }));
  const found: string[] = [];
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) {
      const [x, y] = [reports[i], reports[j]];
      if (x.w.asOf !== y.w.asOf) continue;
      const diff = [...x.pop].filter((id) => !y.pop.has(id)).length + [...y.pop].filter((id) => !x.pop.has(id)).length;
      if (diff !== 1) continue;
      for (const l of leaks(x.b, y.b)) found.push(`${x.w.from}..${x.w.to} vs ${y.w.from}..${y.w.to}: ${l}`);
    }
  }
  return found;
}

/** The windows the steering group may ask for, found by asking the production gate about a grid of candidates. */
function allowedWindows(candidates: Window[]): Window[] {
  return candidates.filter((w) => {
    try {
      const p = suppressedPeriod(w, TODAY);
      return p.from === w.from && p.to === w.to && p.asOf === w.asOf;
    } catch (e) {
      if (e instanceof AppError) return false;
      throw e;
    }
  });
}

function candidateWindows(): Window[] {
  const starts: string[] = [];
  const ends: string[] = [];
  for (let m = 0; m < 36; m++) {
    const first = addMonths('2024-01-01', m);
    starts.push(first, first.replace(/-01$/, '-07'), first.replace(/-01$/, '-08'));
    const next = addMonths(first, 1);
    ends.push(new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10), first.replace(/-01$/, '-15'));
  }
  const asOfs = ['2026-06-30', '2026-11-30', '2026-12-07'];
  const out: Window[] = [];
  for (const from of starts) for (const to of ends) if (from <= to) for (const asOf of asOfs) if (asOf >= from) out.push({ from, to, asOf });
  return out;
}

const personArb = fc.record({
  month: fc.integer({ min: 0, max: 35 }),
  day: fc.integer({ min: 1, max: 28 }),
  outcome: fc.constantFrom(...OUTCOMES),
  edu: fc.constantFrom(...EDUCATION_KINDS),
  endAfter: fc.integer({ min: 0, max: 20 }),
});

type Person = { month: number; day: number; outcome: (typeof OUTCOMES)[number]; edu: (typeof EDUCATION_KINDS)[number]; endAfter: number };

function records(people: Person[]): PathwayRecord[] {
  return people.map((p, i) => {
    const startedAt = addMonths('2024-01-01', p.month).replace(/-01$/, `-${String(p.day).padStart(2, '0')}`);
    const still = p.outcome === 'still_active';
    return {
      id: `p${i}`, startedAt,
      outcome: still ? null : p.outcome,
      educationKind: p.outcome === 'education' ? p.edu : null,
      outcomeDate: still ? null : addMonths(startedAt, p.endAfter),
      readiness: i % 3 === 0 ? 'ready' : 'activity_ready',
      placements: i % 2 ? [{ kind: 'work_placement', startedAt: addMonths(startedAt, 1), hired: i % 4 === 1 }] : [],
    };
  });
}

describe('differencing the steering group\'s reports (issue #22)', () => {
  const allowed = allowedWindows(candidateWindows());

  it('the gate lets through only whole, completed calendar years at a month end, and no filters', () => {
    expect(allowed.map((w) => `${w.from}..${w.to}@${w.asOf}`).sort()).toEqual([
      '2024-01-01..2024-12-31@2026-06-30', '2024-01-01..2024-12-31@2026-11-30',
      '2025-01-01..2025-12-31@2026-06-30', '2025-01-01..2025-12-31@2026-11-30',
    ]);
    for (const filter of [{ counsellorId: 'c' }, { ageBand: '18-24' }, { readiness: 'ready' }]) {
      expect(() => suppressedPeriod({ from: '2025-01-01', to: '2025-12-31', asOf: '2026-11-30', ...filter }, TODAY)).toThrow(/kan ikke afgrænses/);
    }
  });

  it('the search finds the probe\'s leak in free windows (so it would have failed before the fix)', () => {
    // Windows from 2025-06-07 and 2025-06-08 differ by one young person, who went back on benefits.
    const people: PathwayRecord[] = [
      { id: 'x', startedAt: '2025-06-07', outcome: 'public_benefits', outcomeDate: '2025-10-01' },
      ...Array.from({ length: 8 }, (_, i) => ({ id: `b${i}`, startedAt: '2025-07-01', outcome: 'public_benefits' as const, outcomeDate: '2025-10-01' })),
      ...Array.from({ length: 6 }, (_, i) => ({ id: `e${i}`, startedAt: '2025-07-01', outcome: 'education' as const, educationKind: 'EUD' as const, outcomeDate: '2025-10-01' })),
    ];
    const free = [{ from: '2025-06-07', to: '2025-12-31', asOf: '2026-11-30' }, { from: '2025-06-08', to: '2025-12-31', asOf: '2026-11-30' }];
    expect(search(people, free, 5)).toContain('2025-06-07..2025-12-31 vs 2025-06-08..2025-12-31: outcomes/public_benefits/count');
    expect(allowedWindows(free)).toEqual([]);
  });

  it('property: no pair of allowed windows whose groups differ by one person shows that person in any published count', () => {
    fc.assert(fc.property(fc.array(personArb, { maxLength: 40 }), fc.integer({ min: 3, max: 6 }), (people, threshold) => {
      expect(search(records(people), allowed, threshold)).toEqual([]);
    }), { numRuns: runs(60) });
  }, 120_000);

  it('property: a year with one young person and a year with none give nothing away either', () => {
    fc.assert(fc.property(personArb, fc.integer({ min: 3, max: 6 }), (person, threshold) => {
      const one = records([{ ...person, month: person.month % 12 + 12 }]); // started in 2025; 2024 is empty
      const found = search(one, allowed, threshold);
      expect(found).toEqual([]);
      // Every count of the year with the one person is hidden or 0.
      const b = suppressedReport(one, { from: '2025-01-01', to: '2025-12-31', asOf: '2026-11-30' }, threshold);
      for (const [key, v] of counts(b)) if (typeof v === 'number' && v > 0) throw new Error(`${key} = ${v} shown for a group of one`);
    }), { numRuns: runs(60) });
  }, 120_000);
});
