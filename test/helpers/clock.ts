import type { Clock } from '../../src/core/clock.ts';

/** A clock that stands still until moved: for tests. */
export function fixedClock(start: Date | string): Clock & { advance(ms: number): void; set(at: Date | string): void } {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    advance(ms) { at += ms; },
    set(t) { at = new Date(t).getTime(); },
  };
}
