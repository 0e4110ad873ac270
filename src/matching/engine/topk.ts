// The k best candidates of a ranking, kept while scanning tens of thousands:
// ordered as the ranking orders possible candidates (higher score, then smaller id).

type Candidate = { readonly id: string };

export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** True when (scoreA, idA) ranks before (scoreB, idB): higher score, then smaller id. */
export const before = (scoreA: number, idA: string, scoreB: number, idB: string): boolean =>
  scoreA !== scoreB ? scoreA > scoreB : idA < idB;

/** The k best (score, candidate) pairs seen so far: a min-heap with the worst kept on top, in typed arrays. */
export class TopK {
  private readonly scores: Float64Array;
  private readonly items: Int32Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.scores = new Float64Array(k);
    this.items = new Int32Array(k);
  }

  /** The score a candidate must reach to enter: the k-th best so far, or -∞ while there is room. */
  floor(): number {
    return this.size < this.k ? -Infinity : this.scores[0];
  }

  offer(score: number, item: number, candidates: readonly Candidate[]): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      this.siftUp(this.size++, score, item, candidates);
      return;
    }
    // Most candidates are worse than the current k-th best: one comparison.
    if (!before(score, candidates[item].id, this.scores[0], candidates[this.items[0]].id)) return;
    this.siftDown(score, item, candidates);
  }

  /** Indices, best first. */
  sorted(candidates: readonly Candidate[]): number[] {
    const out = Array.from(this.items.subarray(0, this.size));
    const scoreOf = new Map<number, number>();
    for (let n = 0; n < this.size; n++) scoreOf.set(this.items[n], this.scores[n]);
    return out.sort((a, b) => (scoreOf.get(b)! - scoreOf.get(a)!) || compareIds(candidates[a].id, candidates[b].id));
  }

  /** "worse(a, b)": a belongs nearer the top of the heap (ranks after b). */
  private worse(sa: number, ia: number, sb: number, ib: number, candidates: readonly Candidate[]): boolean {
    return before(sb, candidates[ib].id, sa, candidates[ia].id);
  }

  private siftUp(pos: number, score: number, item: number, candidates: readonly Candidate[]): void {
    const { scores, items } = this;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      if (!this.worse(score, item, scores[parent], items[parent], candidates)) break;
      scores[pos] = scores[parent];
      items[pos] = items[parent];
      pos = parent;
    }
    scores[pos] = score;
    items[pos] = item;
  }

  /** Replaces the top (the worst kept) and restores the heap. */
  private siftDown(score: number, item: number, candidates: readonly Candidate[]): void {
    const { scores, items, size } = this;
    let pos = 0;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= size) break;
      if (child + 1 < size && this.worse(scores[child + 1], items[child + 1], scores[child], items[child], candidates)) child++;
      if (!this.worse(scores[child], items[child], score, item, candidates)) break;
      scores[pos] = scores[child];
      items[pos] = items[child];
      pos = child;
    }
    scores[pos] = score;
    items[pos] = item;
  }
}

