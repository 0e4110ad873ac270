// Turns criteria into ranked, explained suggestions. Score = the weighted share
// of fit over all soft criteria, scaled to 0–100, so a partnership can set any
// weights and a counsellor still reads "points out of 100".
import type { Contribution, Criterion, Limit, Suggestion, Weights } from './types.ts';

interface Prepared<S, C> {
  readonly hard: readonly Criterion<S, C>[];
  readonly soft: readonly { criterion: Criterion<S, C>; scale: number }[];
}

/** Resolves weights once per ranking; throws on a soft criterion without a usable weight. */
function prepare<S, C>(criteria: readonly Criterion<S, C>[], weights: Weights): Prepared<S, C> {
  const soft = criteria.filter((c) => c.soft);
  let total = 0;
  for (const c of soft) {
    const w = weights[c.name];
    if (w === undefined) throw new Error(`Missing weight for criterion '${c.name}'`);
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`Weight for '${c.name}' must be ≥ 0, got ${w}`);
    total += w;
  }
  return {
    hard: criteria.filter((c) => c.hard),
    soft: soft.map((criterion) => ({ criterion, scale: total > 0 ? (100 * weights[criterion.name]) / total : 0 })),
  };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;
const clamp01 = (x: number): number => (x > 1 ? 1 : x > 0 ? x : 0);

const POINTS_TEXT = Array.from({ length: 101 }, (_, i) => `(+${i})`);

/** "(+18)": whole points, as a counsellor reads them. */
export function formatPoints(points: number): string {
  const r = Math.round(points);
  return POINTS_TEXT[r] ?? `(+${r})`;
}

/** All hard limits, or null (no allocation in the common case: ranking scores thousands). */
function limitsOf<S, C>(p: Prepared<S, C>, subject: S, candidate: C): Limit[] | null {
  let limits: Limit[] | null = null;
  for (const c of p.hard) {
    const limit = c.hard!(subject, candidate);
    if (limit) (limits ??= []).push(limit);
  }
  return limits;
}

function judge<S, C extends { readonly id: string }>(p: Prepared<S, C>, subject: S, candidate: C): Suggestion {
  const limits = limitsOf(p, subject, candidate);
  if (limits) return { candidateId: candidate.id, score: 0, contributions: [], excluded: { limits } };
  let score = 0;
  const contributions: Contribution[] = [];
  for (const { criterion, scale } of p.soft) {
    const a = criterion.soft!(subject, candidate);
    const raw = scale * clamp01(a.fit);
    score += raw;
    const points = round1(raw);
    contributions.push({ criterion: criterion.name, points, text: `${a.text} ${formatPoints(points)}` });
  }
  return { candidateId: candidate.id, score: Math.min(100, round1(score)), contributions };
}

/** Scores one candidate (or lists the hard limits that exclude it). */
export function evaluate<S, C extends { readonly id: string }>(
  subject: S,
  candidate: C,
  criteria: readonly Criterion<S, C>[],
  weights: Weights,
): Suggestion {
  return judge(prepare(criteria, weights), subject, candidate);
}

function compareSuggestions(a: Suggestion, b: Suggestion): number {
  const ax = a.excluded ? a.excluded.limits.length : 0;
  const bx = b.excluded ? b.excluded.limits.length : 0;
  if ((ax > 0) !== (bx > 0)) return ax > 0 ? 1 : -1;
  if (ax !== bx) return ax - bx; // near misses (one limit) first among the excluded
  if (a.score !== b.score) return b.score - a.score;
  return a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0;
}

/**
 * Ranks candidates for one subject: best score first, ties by id; excluded
 * candidates last (fewest limits first), each with its "why not".
 */
export function rank<S, C extends { readonly id: string }>(
  subject: S,
  candidates: readonly C[],
  criteria: readonly Criterion<S, C>[],
  weights: Weights,
): Suggestion[] {
  const p = prepare(criteria, weights);
  const out = candidates.map((c) => judge(p, subject, c));
  return out.sort(compareSuggestions);
}

/** A partnership's weights: defaults with some criteria overridden. */
export function withWeights<N extends string>(base: Weights<N>, overrides: Partial<Record<N, number>>): Weights<N> {
  const merged: Record<string, number> = { ...base };
  for (const [k, v] of Object.entries(overrides) as [string, number | undefined][]) {
    if (v === undefined) continue;
    if (!(k in base)) throw new Error(`Unknown criterion '${k}'`);
    if (!Number.isFinite(v) || v < 0) throw new RangeError(`Weight for '${k}' must be ≥ 0, got ${v}`);
    merged[k] = v;
  }
  return merged as Weights<N>;
}
