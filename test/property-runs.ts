/**
 * How many cases a property test tries: a short run in `npm test`, the full
 * count in `npm run test:long` (FC_LONG=1). The seed is fixed either way
 * (test/fast-check-seed.ts), so both verdicts depend on the code only.
 */
export function runs(full: number): number {
  if (process.env.FC_LONG) return full;
  return Math.min(full, Math.max(10, Math.ceil(full / 5)));
}
