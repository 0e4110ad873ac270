// Seeded PRNG so the synthetic national data is identical on every run.

export interface Rng {
  /** Uniform in [0,1). */
  next(): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** k distinct items (k ≤ items.length). */
  sample<T>(items: readonly T[], k: number): T[];
  chance(p: number): boolean;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Index drawn with the given (unnormalised) weights. */
  weighted(weights: readonly number[]): number;
}

/** mulberry32: small, fast, good enough for synthetic data. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const rng: Rng = {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)],
    sample(items, k) {
      const copy = items.slice();
      for (let i = 0; i < k; i++) {
        const j = int(i, copy.length - 1);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, k);
    },
    chance: (p) => next() < p,
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    weighted(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let r = next() * total;
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i];
        if (r < 0) return i;
      }
      return weights.length - 1;
    },
  };
  return rng;
}
