import type { Clock } from '../../src/core/clock.ts';

/** A clock a test moves by hand: time passes only when the test says so (no real sleeps). */
export interface TestClock extends Clock {
  advance(ms: number): void;
  set(at: Date): void;
}

export function testClock(start = new Date()): TestClock {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    advance: (ms) => { at += ms; },
    set: (d) => { at = d.getTime(); },
  };
}
