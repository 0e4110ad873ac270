// Criteria for suggesting a volunteer business mentor (frivillig erhvervsmentor)
// to a young person: shared interests for the chemistry, industry for the
// wishes, a short trip to meet, and the ≥ 3 hours a month the scheme asks for.
import { listDa, notJudged, tagOverlap, travelCriterion } from './criteria-shared.ts';
import { memoByObject, stemSet } from './text.ts';
import type { Assessment, Criterion, VolunteerMentor, Weights, YoungPersonProfile } from './types.ts';

export type MentorCriterionName = 'interests' | 'industry' | 'travel' | 'hours';

/** The volunteer mentor scheme asks for at least 3 hours a month. */
export const MIN_MENTOR_HOURS_PER_MONTH = 3;

/**
 * Default weights for mentors (sum 100): the first meeting tests the chemistry,
 * so shared interests and the industry the young person wishes for count most;
 * the mentor must be easy to meet; more hours a month is a bonus.
 */
export const DEFAULT_MENTOR_WEIGHTS: Weights<MentorCriterionName> = {
  interests: 30,
  industry: 30,
  travel: 25,
  hours: 15,
};

const mentorInterestStems = memoByObject((m: VolunteerMentor) => stemSet(m.interests));
const mentorIndustryStems = memoByObject((m: VolunteerMentor) => stemSet(m.industry));

const tooFewHours: Criterion<YoungPersonProfile, VolunteerMentor> = {
  name: 'too_few_hours',
  hard: (_y, m) =>
    m.hoursPerMonth < MIN_MENTOR_HOURS_PER_MONTH
      ? { criterion: 'too_few_hours', text: `Mentoren kan kun ${m.hoursPerMonth} timer om måneden – mindst ${MIN_MENTOR_HOURS_PER_MONTH} er aftalen` }
      : null,
};

const mentorFull: Criterion<YoungPersonProfile, VolunteerMentor> = {
  name: 'mentor_full',
  hard: (_y, m) =>
    m.currentMentees >= m.maxMentees
      ? { criterion: 'mentor_full', text: `Mentoren har allerede ${m.currentMentees} mentee${m.currentMentees === 1 ? '' : 's'}` }
      : null,
};

const interests: Criterion<YoungPersonProfile, VolunteerMentor> = {
  name: 'interests',
  soft(y, m): Assessment {
    if (y.interests.length === 0) return notJudged('Interesser ikke vurderet: ingen interesser registreret');
    const { hits, fit } = tagOverlap(y.interests, mentorInterestStems(m));
    return hits.length === 0
      ? { fit: 0, text: 'Ingen fælles interesser' }
      : { fit, text: `Fælles interesser: ${listDa(hits)}` };
  },
};

const industry: Criterion<YoungPersonProfile, VolunteerMentor> = {
  name: 'industry',
  soft(y, m): Assessment {
    if (y.wishes.length === 0) return notJudged('Branche ikke vurderet: ingen ønsker registreret');
    const { hits, fit } = tagOverlap(y.wishes, mentorIndustryStems(m));
    return hits.length === 0
      ? { fit: 0, text: 'Mentoren kender ikke de brancher, den unge ønsker' }
      : { fit, text: `Mentoren kender branchen: ${listDa(hits)}` };
  },
};

/** 3 hours a month is the minimum (fit 0.5); 6 or more is full fit. */
const hours: Criterion<YoungPersonProfile, VolunteerMentor> = {
  name: 'hours',
  soft: (_y, m) => ({
    fit: Math.min(1, m.hoursPerMonth / (2 * MIN_MENTOR_HOURS_PER_MONTH)),
    text: `Kan give ${m.hoursPerMonth} timer om måneden`,
  }),
};

export const MENTOR_CRITERIA: readonly Criterion<YoungPersonProfile, VolunteerMentor>[] = [
  tooFewHours,
  mentorFull,
  travelCriterion<VolunteerMentor>(),
  interests,
  industry,
  hours,
];
