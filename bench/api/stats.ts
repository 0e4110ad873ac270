export interface Stats {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
}

export function percentiles(values: number[]): Stats {
  if (values.length === 0) return { p50: NaN, p95: NaN, p99: NaN, mean: NaN };
  const s = Float64Array.from(values).sort();
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}
