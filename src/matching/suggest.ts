// Ranks candidates for one young person (or judges one pair at accept time)
// with the partnership's weights, and says plainly what could not be judged.
import type { Db, Trx } from '../core/db.ts';
import { belowMinimumHours, belowMinimumHoursText, recordCheckMissing } from '../mentors/mentorships.ts';
import {
  DEFAULT_INITIATIVE_WEIGHTS, INITIATIVE_CRITERIA, MENTOR_CRITERIA, OPENING_CRITERIA, Scorer,
  type Criterion, type Suggestion, type YoungPersonProfile,
} from './engine/index.ts';
import { loadInitiatives, loadMentors, loadOpenings, type InitiativeCandidate, type MentorCandidate, type OpeningCandidate, type YouthSubject } from './load.ts';
import type { CandidateKind, SuggestionKind } from './schemas.ts';
import { weightsOf } from './weights.ts';

type Q = Db | Trx;

/** Mentors of young people under 18 need a checked record (børneattest) first — as the mentors feature requires. */
const recordCheck: Criterion<YoungPersonProfile, MentorCandidate> = {
  name: 'record_check',
  hard: (y, m) => (y.age != null && recordCheckMissing(y.age, m)
    ? { criterion: 'record_check', text: 'Den unge er under 18, og mentorens børneattest er ikke tjekket' }
    : null),
};
/** The volunteer scheme's minimum hours: the mentors feature's rule, the one createMentorship refuses with. */
const tooFewHours: Criterion<YoungPersonProfile, MentorCandidate> = {
  name: 'too_few_hours',
  hard: (_y, m) => (belowMinimumHours({ kind: 'volunteer', hours_per_month: m.registeredHours })
    ? { criterion: 'too_few_hours', text: belowMinimumHoursText(m.registeredHours).replace(/\.$/, '') }
    : null),
};
export const MENTOR_CRITERIA_WITH_RECORD: readonly Criterion<YoungPersonProfile, MentorCandidate>[] = [tooFewHours, recordCheck, ...MENTOR_CRITERIA];

type AnyCandidate = OpeningCandidate | MentorCandidate | InitiativeCandidate;

export interface Described { title: string; subtitle: string; freePlaces: number }

export function describe(c: AnyCandidate, kind: SuggestionKind): Described {
  if (kind === 'initiative') {
    const i = c as InitiativeCandidate;
    return { title: i.name, subtitle: i.owner, freePlaces: 0 };
  }
  if (kind === 'opening') {
    const o = c as OpeningCandidate;
    return { title: o.title, subtitle: o.companyName, freePlaces: o.freePlaces };
  }
  const m = c as MentorCandidate;
  return { title: m.name, subtitle: 'Frivillig erhvervsmentor', freePlaces: Math.max(0, m.maxMentees - m.currentMentees) };
}

export async function candidatesOf(db: Q, partnershipId: string, kind: SuggestionKind): Promise<AnyCandidate[]> {
  if (kind === 'initiative') return loadInitiatives(db);
  return kind === 'opening' ? loadOpenings(db, partnershipId) : loadMentors(db, partnershipId);
}

export function criteriaOf(kind: SuggestionKind) {
  const criteria = kind === 'opening' ? OPENING_CRITERIA : kind === 'mentor' ? MENTOR_CRITERIA_WITH_RECORD : INITIATIVE_CRITERIA;
  return criteria as readonly Criterion<YoungPersonProfile, AnyCandidate>[];
}

/** Initiatives use the engine's defaults (the catalog is regional; weights per partnership cover openings and mentors). */
async function weightsFor(db: Q, partnershipId: string, kind: SuggestionKind) {
  return kind === 'initiative' ? DEFAULT_INITIATIVE_WEIGHTS : (await weightsOf(db, partnershipId, kind)).weights;
}

/** Plain-Danish notes on what the ranking could not judge. */
export function notesFor(y: YouthSubject, candidates: readonly AnyCandidate[], geocoder: boolean, kind: SuggestionKind): { travelJudged: boolean; notes: string[] } {
  const notes: string[] = [];
  if (kind === 'initiative') return { travelJudged: false, notes: y.screened ? [] : ['Den unge er ikke screenet endnu: interesser og behov kan ikke vurderes.'] };
  const anyLocated = candidates.some((c) => 'location' in c && c.location);
  const travelJudged = Boolean(y.profile.location) && anyLocated;
  if (!travelJudged) {
    notes.push(!geocoder
      ? 'Rejsetid er ikke vurderet: der er ikke sat en adressetjeneste op, så adresser ikke kan omsættes til koordinater.'
      : !y.profile.location
        ? 'Rejsetid er ikke vurderet: den unges adresse eller postnummer kunne ikke findes.'
        : 'Rejsetid er ikke vurderet: ingen af mulighederne har en kendt placering.');
  }
  if (!y.screened) notes.push('Den unge er ikke screenet endnu: dage, timer og rejsetid giver ingen grænser.');
  return { travelJudged, notes };
}

/** The first `limit` suggestions (only those are explained: the rest are scored numerically). */
export async function rankFor(db: Q, partnershipId: string, y: YouthSubject, kind: SuggestionKind, limit: number) {
  const candidates = await candidatesOf(db, partnershipId, kind);
  const weights = await weightsFor(db, partnershipId, kind);
  const ranked: Suggestion[] = new Scorer(criteriaOf(kind), weights).top(y.profile, candidates, limit).suggestions;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return { ranked, byId, candidates };
}

export async function judgeOne(db: Q, partnershipId: string, y: YouthSubject, kind: CandidateKind, candidateId: string) {
  const candidates = await candidatesOf(db, partnershipId, kind);
  const c = candidates.find((x) => x.id === candidateId);
  if (!c) return null;
  const { weights } = await weightsOf(db, partnershipId, kind);
  const scorer = new Scorer(criteriaOf(kind), weights);
  return { suggestion: scorer.judge(y.profile, c), rank: scorer.placeOf(y.profile, candidates, c), candidate: c };
}
