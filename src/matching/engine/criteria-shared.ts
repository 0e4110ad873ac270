// Building blocks shared by the opening, mentor and initiative criteria.
import { estimateTravelInto, TRAVEL_MODE_DA, type MutableTravelEstimate } from './geo.ts';
import { countMatchingTags, matchingTags, memoByObject, prepareTags } from './text.ts';
import type { Assessment, Criterion, GeoPoint, IsoDate, Limit, YoungPersonProfile } from './types.ts';

/** Fit used when something cannot be judged (unknown address, no consent): neither helps nor hurts. */
export const NEUTRAL_FIT = 0.5;

export const notJudged = (text: string): Assessment => ({ fit: NEUTRAL_FIT, text });

export function listDa(items: readonly string[], max = 4): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} m.fl.` : shown;
}

const MONTHS_DA = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** Memo for small string → value functions (dates repeat a lot across candidates); bounded. */
function memoByString<V>(derive: (key: string) => V, max = 10_000): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      if (cache.size >= max) cache.clear();
      cache.set(key, (v = derive(key)));
    }
    return v;
  };
}

/** '2025-03-03' → '3. marts 2025'. */
export const dateDa = memoByString((date: IsoDate): string => {
  const [y, m, d] = date.split('-').map(Number);
  return `${d}. ${MONTHS_DA[m - 1]} ${y}`;
});

const parsedDayNumber = memoByString((date: IsoDate): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000));

/**
 * Days since 1970-01-01 of a 'YYYY-MM-DD' date, by arithmetic (ranking compares
 * dates for every candidate; no parsing, no lookup). Anything not in that
 * exact shape goes through Date.parse as before.
 */
function dayNumber(date: IsoDate): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return parsedDayNumber(date);
  // No helper closure here: tsx (esbuild keepNames) wraps every closure creation in a name-setting call.
  const y0 = (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
  const m = (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
  const day = (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
  if (!(y0 >= 0 && m >= 1 && m <= 12 && day >= 1 && day <= 31)) return parsedDayNumber(date);
  // Howard Hinnant's days_from_civil.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whole days from a to b (b − a), both 'YYYY-MM-DD'. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** Interests and wishes of a young person as one tag list, built once per profile object. */
export const interestTagsOf = memoByObject((p: YoungPersonProfile): readonly string[] => [...p.interests, ...p.wishes]);

/**
 * Share of tags met by the other side; three hits (or all tags, if fewer)
 * give full fit: a couple of clear overlaps matter more than many tags.
 */
export function tagOverlap(tags: readonly string[], other: ReadonlySet<string>): { hits: string[]; fit: number } {
  const hits = matchingTags(tags, other);
  const needed = Math.min(3, tags.length);
  return { hits, fit: needed === 0 ? 0 : Math.min(1, hits.length / needed) };
}

interface Located {
  readonly location: GeoPoint | null;
}

// The hard and soft parts of travel judge the same pair right after each
// other; remembering the last estimate halves the haversine work in a ranking.
// One mutable estimate: a ranking of thousands of candidates allocates nothing here.
let lastFrom: GeoPoint | null = null, lastTo: GeoPoint | null = null, lastTransport: object | null = null;
const last: MutableTravelEstimate = { km: 0, minutes: 0, mode: 'walk' };

function travelBetween(youth: YoungPersonProfile, to: GeoPoint): MutableTravelEstimate {
  const from = youth.location!;
  if (from !== lastFrom || to !== lastTo || youth.transport !== lastTransport) {
    estimateTravelInto(youth.transport, from, to, last);
    lastFrom = from;
    lastTo = to;
    lastTransport = youth.transport;
  }
  return last;
}

const tooFar = (youth: YoungPersonProfile, to: GeoPoint | null): boolean =>
  youth.location !== null && to !== null && travelBetween(youth, to).minutes > youth.maxTravelMinutes;

const travelFit = (youth: YoungPersonProfile, to: GeoPoint | null): number =>
  !youth.location || !to ? NEUTRAL_FIT : 1 - Math.min(1, travelBetween(youth, to).minutes / Math.max(1, youth.maxTravelMinutes));

/** 'too_far' as a hard limit, travel time as a soft fit (shorter is better); unknown address = not judged. */
export function travelCriterion<C extends Located>(name = 'travel'): Criterion<YoungPersonProfile, C> {
  return {
    name,
    blocks: (youth, candidate) => tooFar(youth, candidate.location),
    hard(youth, candidate): Limit | null {
      if (!tooFar(youth, candidate.location)) return null;
      const t = travelBetween(youth, candidate.location!);
      return {
        criterion: 'too_far',
        text: `Rejsetid ca. ${Math.round(t.minutes)} min ${TRAVEL_MODE_DA[t.mode]} – mere end de ${youth.maxTravelMinutes} min, den unge kan klare`,
      };
    },
    fit: (youth, candidate) => travelFit(youth, candidate.location),
    soft(youth, candidate): Assessment {
      const fit = travelFit(youth, candidate.location);
      if (!youth.location) return { fit, text: `Afstand ikke vurderet: ${youth.locationUnknownReason ?? 'ingen adresse'}` };
      if (!candidate.location) return { fit, text: 'Afstand ikke vurderet: stedet har ingen kendt adresse' };
      const t = travelBetween(youth, candidate.location);
      return { fit, text: `Rejsetid ca. ${Math.round(t.minutes)} min ${TRAVEL_MODE_DA[t.mode]}` };
    },
  };
}

/** A hard limit whose test (`blocks`) is cheap and whose text is built only when shown. */
export function hardLimit<S, C>(name: string, blocks: (s: S, c: C) => boolean, text: (s: S, c: C) => string): Criterion<S, C> {
  return { name, blocks, hard: (s, c) => (blocks(s, c) ? { criterion: name, text: text(s, c) } : null) };
}

/**
 * A soft criterion as a numeric fit plus its explanation: ranking computes
 * `fit` for every candidate and `explain` only for those it shows, so both
 * always agree on the number.
 */
export function softCriterion<S, C>(
  name: string,
  fit: (s: S, c: C) => number,
  explain: (s: S, c: C, fit: number) => string,
  options: { costly?: boolean } = {},
): Criterion<S, C> {
  return {
    name,
    fit,
    costly: options.costly ?? false,
    soft(s, c): Assessment {
      const f = fit(s, c);
      return { fit: f, text: explain(s, c, f) };
    },
  };
}

/** Exactly tagOverlap(tags, other).fit, without allocating (tags prepared once per list). */
export function overlapFit(tags: readonly string[], other: ReadonlySet<string>): number {
  const p = prepareTags(tags);
  const needed = Math.min(3, p.length);
  return needed === 0 ? 0 : Math.min(1, countMatchingTags(p, other) / needed);
}
