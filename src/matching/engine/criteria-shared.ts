// Building blocks shared by the opening, mentor and initiative criteria.
import { estimateTravel, TRAVEL_MODE_DA, type TravelEstimate } from './geo.ts';
import { matchingTags, memoByObject } from './text.ts';
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

const dayNumber = memoByString((date: IsoDate): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000));

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
let lastFrom: GeoPoint | null = null, lastTo: GeoPoint | null = null, lastTransport: object | null = null;
let lastEstimate: TravelEstimate | null = null;

function travelBetween(youth: YoungPersonProfile, to: GeoPoint): TravelEstimate {
  const from = youth.location!;
  if (from !== lastFrom || to !== lastTo || youth.transport !== lastTransport || !lastEstimate) {
    lastEstimate = estimateTravel(youth.transport, from, to);
    lastFrom = from;
    lastTo = to;
    lastTransport = youth.transport;
  }
  return lastEstimate;
}

/** 'too_far' as a hard limit, travel time as a soft fit (shorter is better); unknown address = not judged. */
export function travelCriterion<C extends Located>(name = 'travel'): Criterion<YoungPersonProfile, C> {
  return {
    name,
    hard(youth, candidate): Limit | null {
      if (!youth.location || !candidate.location) return null;
      const t = travelBetween(youth, candidate.location);
      if (t.minutes <= youth.maxTravelMinutes) return null;
      return {
        criterion: 'too_far',
        text: `Rejsetid ca. ${Math.round(t.minutes)} min ${TRAVEL_MODE_DA[t.mode]} – mere end de ${youth.maxTravelMinutes} min, den unge kan klare`,
      };
    },
    soft(youth, candidate): Assessment {
      if (!youth.location || !candidate.location) return notJudged('Afstand ikke vurderet: ingen adresse');
      const t = travelBetween(youth, candidate.location);
      const max = Math.max(1, youth.maxTravelMinutes);
      return {
        fit: 1 - Math.min(1, t.minutes / max),
        text: `Rejsetid ca. ${Math.round(t.minutes)} min ${TRAVEL_MODE_DA[t.mode]}`,
      };
    },
  };
}
