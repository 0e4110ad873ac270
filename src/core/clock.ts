/**
 * Where the server reads the time, so tests can move it (session timeouts,
 * throttling) without real sleeps. Product code takes a Clock parameter that
 * defaults to systemClock.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

