// Travel time estimates from straight-line distance. We have no route planner
// offline, so distance is haversine × a detour factor, and each mode has an
// average door-to-door speed plus a fixed overhead (walking to the stop,
// waiting, parking). Deliberately rough: the text says "ca." for that reason.
import type { GeoPoint, YoungPersonProfile } from './types.ts';

const EARTH_RADIUS_KM = 6371.0088;

/** Roads and routes are longer than the straight line. */
export const DETOUR_FACTOR = 1.3;

export type TravelMode = 'walk' | 'bike' | 'bus' | 'car';

export interface ModeSpeed {
  /** Average speed in km/h on the (detoured) route. */
  readonly kmh: number;
  /** Fixed minutes per trip: to/from the stop, waiting, parking. */
  readonly overheadMin: number;
}

/**
 * Documented speed constants.
 * - walk 5 km/h, no overhead.
 * - bike 15 km/h, 2 min (lock the bike).
 * - bus 40 km/h average incl. stops and changes, 10 min (walk to the stop
 *   and wait; rural departures are sparse).
 * - car 65 km/h average on Danish roads, 5 min (parking).
 */
export const TRAVEL_SPEEDS: Readonly<Record<TravelMode, ModeSpeed>> = {
  walk: { kmh: 5, overheadMin: 0 },
  bike: { kmh: 15, overheadMin: 2 },
  bus: { kmh: 40, overheadMin: 10 },
  car: { kmh: 65, overheadMin: 5 },
};

export const TRAVEL_MODE_DA: Readonly<Record<TravelMode, string>> = {
  walk: 'til fods',
  bike: 'på cykel',
  bus: 'med bus',
  car: 'i bil',
};

export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const s =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Modes the young person can use. Walking is always possible. */
export function availableModes(transport: YoungPersonProfile['transport']): TravelMode[] {
  const modes: TravelMode[] = ['walk'];
  if (transport.bike) modes.push('bike');
  if (transport.bus) modes.push('bus');
  if (transport.drivingLicence) modes.push('car');
  return modes;
}

export function minutesByMode(km: number, mode: TravelMode): number {
  const { kmh, overheadMin } = TRAVEL_SPEEDS[mode];
  return overheadMin + ((km * DETOUR_FACTOR) / kmh) * 60;
}

export interface TravelEstimate {
  readonly km: number;
  readonly minutes: number;
  readonly mode: TravelMode;
}

const modesOf = new WeakMap<YoungPersonProfile['transport'], readonly TravelMode[]>();

/** A reusable estimate for hot loops (ranking scores thousands of candidates). */
export interface MutableTravelEstimate {
  km: number;
  minutes: number;
  mode: TravelMode;
}

/** Fastest estimate over the modes the young person has, written into `out` (no allocation). */
export function estimateTravelInto(
  transport: YoungPersonProfile['transport'],
  from: GeoPoint,
  to: GeoPoint,
  out: MutableTravelEstimate,
): void {
  let modes = modesOf.get(transport);
  if (!modes) modesOf.set(transport, (modes = availableModes(transport)));
  const km = haversineKm(from, to);
  let minutes = Infinity, mode: TravelMode = 'walk';
  for (const m of modes) {
    const t = minutesByMode(km, m);
    if (t < minutes) { minutes = t; mode = m; }
  }
  out.km = km;
  out.minutes = minutes;
  out.mode = mode;
}

/** Fastest estimate over the modes the young person has. */
export function estimateTravel(
  transport: YoungPersonProfile['transport'],
  from: GeoPoint,
  to: GeoPoint,
): TravelEstimate {
  const out: MutableTravelEstimate = { km: 0, minutes: 0, mode: 'walk' };
  estimateTravelInto(transport, from, to, out);
  return out;
}

/**
 * Largest straight-line distance (km) reachable within `maxMinutes` with the
 * given transport: an exact bound for spatial pre-filtering (anything further
 * is 'too_far').
 */
export function reachKm(transport: YoungPersonProfile['transport'], maxMinutes: number): number {
  let best = 0;
  for (const mode of availableModes(transport)) {
    const { kmh, overheadMin } = TRAVEL_SPEEDS[mode];
    best = Math.max(best, (((maxMinutes - overheadMin) / 60) * kmh) / DETOUR_FACTOR);
  }
  return best;
}
