// Turns criteria into ranked, explained suggestions. Score = the weighted share
// of fit over all soft criteria, scaled to 0–100, so a partnership can set any
// weights and a counsellor still reads "points out of 100".
import { before, compareIds, TopK } from './topk.ts';
import type { Contribution, Criterion, Limit, Suggestion, Weights } from './types.ts';

type Candidate = { readonly id: string };

const round1 = (x: number): number => Math.round(x * 10) / 10;
const clamp01 = (x: number): number => (x > 1 ? 1 : x > 0 ? x : 0);

const POINTS_TEXT = Array.from({ length: 101 }, (_, i) => `(+${i})`);

/** "(+18)": whole points, as a counsellor reads them. */
export function formatPoints(points: number): string {
  const r = Math.round(points);
  return POINTS_TEXT[r] ?? `(+${r})`;
}

/** Excluded candidates have no score; -1 marks them in the numeric path. */
export const EXCLUDED = -1;
/** A possible candidate that cannot make the list shown (top only). */
const PRUNED = -2;

/** The first `limit` suggestions of a ranking, and how many candidates were possible. */
export interface RankTop {
  readonly suggestions: Suggestion[];
  /** Candidates no hard limit excludes. */
  readonly eligible: number;
  readonly total: number;
}

/**
 * Criteria with one set of weights, resolved once. Ranking runs in two passes:
 * a numeric one over every candidate (hard limits as yes/no, soft criteria as
 * fits: no texts, no objects), then the explained suggestions are built only
 * for the candidates shown. Both passes use the same functions and the same
 * arithmetic, so the numbers are identical to judging each candidate fully.
 */
export class Scorer<S, C extends Candidate> {
  private readonly hard: readonly Criterion<S, C>[];
  private readonly blocks: readonly ((s: S, c: C) => boolean)[];
  private readonly soft: readonly Criterion<S, C>[];
  private readonly fits: readonly ((s: S, c: C) => number)[];
  private readonly scales: Float64Array;
  /** Soft criteria by position: the cheap ones, then the costly ones (judged last, see scoreReaching). */
  private readonly cheap: Int32Array;
  private readonly costly: Int32Array;
  private readonly costlyPoints: number;
  /** Scratch fits of the candidate being scored. */
  private readonly fitNow: Float64Array;
  /** The order the hard limits are tested in (most often applying first, see orderBlocks); results do not depend on it. */
  private blockOrder: Int32Array;

  /** Throws on a soft criterion without a usable weight. */
  constructor(criteria: readonly Criterion<S, C>[], weights: Weights) {
    const soft = criteria.filter((c) => c.soft);
    let total = 0;
    for (const c of soft) {
      const w = weights[c.name];
      if (w === undefined) throw new Error(`Missing weight for criterion '${c.name}'`);
      if (!Number.isFinite(w) || w < 0) throw new RangeError(`Weight for '${c.name}' must be ≥ 0, got ${w}`);
      total += w;
    }
    this.hard = criteria.filter((c) => c.hard);
    this.blocks = this.hard.map((c) => c.blocks ?? ((s: S, x: C) => c.hard!(s, x) !== null));
    this.soft = soft;
    this.fits = soft.map((c) => c.fit ?? ((s: S, x: C) => c.soft!(s, x).fit));
    this.scales = Float64Array.from(soft, (c) => (total > 0 ? (100 * weights[c.name]) / total : 0));
    const positions = soft.map((_, k) => k);
    this.cheap = Int32Array.from(positions.filter((k) => !soft[k].costly));
    this.costly = Int32Array.from(positions.filter((k) => soft[k].costly));
    this.costlyPoints = this.costly.reduce((sum, k) => sum + this.scales[k], 0);
    this.fitNow = new Float64Array(soft.length);
    this.blockOrder = Int32Array.from(this.blocks, (_, k) => k);
  }

  /**
   * Tests the hard limits that exclude most of these candidates first, so an
   * excluded candidate is usually dismissed by the first test. Decided on an
   * even sample of up to 256 candidates; only speed depends on it.
   */
  private orderBlocks(subject: S, candidates: readonly C[]): void {
    const hits = new Int32Array(this.blocks.length);
    const step = Math.max(1, Math.floor(candidates.length / 256));
    for (let i = 0; i < candidates.length; i += step) {
      for (let k = 0; k < this.blocks.length; k++) if (this.blocks[k](subject, candidates[i])) hits[k]++;
    }
    this.blockOrder = Int32Array.from(this.blocks, (_, k) => k).sort((a, b) => hits[b] - hits[a] || a - b);
  }

  /**
   * score(), or PRUNED when the candidate cannot reach `floor` (the score of
   * the last candidate in the list so far): the cheap fits are judged first,
   * and a costly one only while full points on the rest could still reach the
   * floor. The final sum runs in the usual order, so a returned score is
   * exactly score()'s. round1 moves a sum by at most 0.05, hence the margin.
   */
  private scoreReaching(subject: S, candidate: C, floor: number): number {
    const { blocks, blockOrder } = this;
    for (let n = 0; n < blockOrder.length; n++) if (blocks[blockOrder[n]](subject, candidate)) return EXCLUDED;
    const { fits, scales, cheap, costly, fitNow } = this;
    let partial = 0;
    for (let n = 0; n < cheap.length; n++) {
      const k = cheap[n];
      partial += scales[k] * (fitNow[k] = clamp01(fits[k](subject, candidate)));
    }
    let open = this.costlyPoints;
    for (let n = 0; n < costly.length; n++) {
      if (partial + open + 1e-9 < floor - 0.05) return PRUNED;
      const k = costly[n];
      partial += scales[k] * (fitNow[k] = clamp01(fits[k](subject, candidate)));
      open -= scales[k];
    }
    let score = 0;
    for (let k = 0; k < fitNow.length; k++) score += scales[k] * fitNow[k];
    return Math.min(100, round1(score));
  }

  /** The score (0–100, one decimal) or EXCLUDED when a hard limit applies. Allocates nothing for the built-in criteria. */
  score(subject: S, candidate: C): number {
    const blocks = this.blocks;
    for (let k = 0; k < blocks.length; k++) if (blocks[k](subject, candidate)) return EXCLUDED;
    const fits = this.fits, scales = this.scales;
    let score = 0;
    for (let k = 0; k < fits.length; k++) score += scales[k] * clamp01(fits[k](subject, candidate));
    return Math.min(100, round1(score));
  }

  /** How many hard limits apply (0 = possible). */
  limitCount(subject: S, candidate: C): number {
    let n = 0;
    for (const b of this.blocks) if (b(subject, candidate)) n++;
    return n;
  }

  /** One candidate with every criterion explained, or the hard limits that exclude it ("why not"). */
  judge(subject: S, candidate: C): Suggestion {
    let limits: Limit[] | null = null;
    for (const c of this.hard) {
      const limit = c.hard!(subject, candidate);
      if (limit) (limits ??= []).push(limit);
    }
    if (limits) return { candidateId: candidate.id, score: 0, contributions: [], excluded: { limits } };
    let score = 0;
    const contributions: Contribution[] = [];
    for (let k = 0; k < this.soft.length; k++) {
      const criterion = this.soft[k];
      const a = criterion.soft!(subject, candidate);
      const raw = this.scales[k] * clamp01(a.fit);
      score += raw;
      const points = round1(raw);
      contributions.push({ criterion: criterion.name, points, text: `${a.text} ${formatPoints(points)}` });
    }
    return { candidateId: candidate.id, score: Math.min(100, round1(score)), contributions };
  }

  /** 1-based place of `candidate` in rank(subject, candidates), without explaining the others. */
  placeOf(subject: S, candidates: readonly C[], candidate: C): number {
    const mine = this.score(subject, candidate);
    const myLimits = mine === EXCLUDED ? this.limitCount(subject, candidate) : 0;
    let place = 1;
    for (const c of candidates) {
      if (c === candidate) continue;
      const score = this.score(subject, c);
      if (mine !== EXCLUDED) {
        if (score !== EXCLUDED && before(score, c.id, mine, candidate.id)) place++;
      } else if (score !== EXCLUDED) {
        place++;
      } else {
        const n = this.limitCount(subject, c);
        if (n < myLimits || (n === myLimits && c.id < candidate.id)) place++;
      }
    }
    return place;
  }

  /** The whole ranking, every candidate explained: best first, excluded last (fewest limits first). */
  rank(subject: S, candidates: readonly C[]): Suggestion[] {
    return candidates.map((c) => this.judge(subject, c)).sort(compareSuggestions);
  }

  /**
   * Exactly `rank(subject, candidates).slice(0, limit)`, but only the shown
   * candidates are explained: the rest are scored numerically and kept out of
   * a bounded heap. Excluded candidates are looked at again only when fewer
   * than `limit` are possible.
   */
  top(subject: S, candidates: readonly C[], limit: number): RankTop {
    const k = Math.max(0, Math.floor(limit));
    const best = new TopK(k);
    let eligible = 0;
    if (candidates.length > 1024) this.orderBlocks(subject, candidates);
    for (let i = 0; i < candidates.length; i++) {
      const score = this.scoreReaching(subject, candidates[i], best.floor());
      if (score === EXCLUDED) continue;
      eligible++;
      if (score !== PRUNED) best.offer(score, i, candidates);
    }
    const suggestions = best.sorted(candidates).map((i) => this.judge(subject, candidates[i]));
    if (suggestions.length < k && eligible < candidates.length) {
      // Rarely needed (few possible candidates), so a second pass. Excluded order: fewest limits first, then id (their score is 0).
      const excluded: { i: number; n: number }[] = [];
      for (let i = 0; i < candidates.length; i++) {
        const n = this.limitCount(subject, candidates[i]);
        if (n > 0) excluded.push({ i, n });
      }
      excluded.sort((a, b) => a.n - b.n || compareIds(candidates[a.i].id, candidates[b.i].id));
      for (const x of excluded.slice(0, k - suggestions.length)) suggestions.push(this.judge(subject, candidates[x.i]));
    }
    return { suggestions, eligible, total: candidates.length };
  }
}

/** Scores one candidate (or lists the hard limits that exclude it). */
export function evaluate<S, C extends Candidate>(
  subject: S,
  candidate: C,
  criteria: readonly Criterion<S, C>[],
  weights: Weights,
): Suggestion {
  return new Scorer(criteria, weights).judge(subject, candidate);
}

function compareSuggestions(a: Suggestion, b: Suggestion): number {
  const ax = a.excluded ? a.excluded.limits.length : 0;
  const bx = b.excluded ? b.excluded.limits.length : 0;
  if ((ax > 0) !== (bx > 0)) return ax > 0 ? 1 : -1;
  if (ax !== bx) return ax - bx; // near misses (one limit) first among the excluded
  if (a.score !== b.score) return b.score - a.score;
  return compareIds(a.candidateId, b.candidateId);
}

/**
 * Ranks candidates for one subject: best score first, ties by id; excluded
 * candidates last (fewest limits first), each with its "why not".
 */
export function rank<S, C extends Candidate>(
  subject: S,
  candidates: readonly C[],
  criteria: readonly Criterion<S, C>[],
  weights: Weights,
): Suggestion[] {
  return new Scorer(criteria, weights).rank(subject, candidates);
}

/** `rank(...).slice(0, limit)` without explaining the candidates not shown. */
export function rankTop<S, C extends Candidate>(
  subject: S,
  candidates: readonly C[],
  criteria: readonly Criterion<S, C>[],
  weights: Weights,
  limit: number,
): RankTop {
  return new Scorer(criteria, weights).top(subject, candidates, limit);
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
