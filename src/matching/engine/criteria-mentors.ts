// Criteria for suggesting a volunteer business mentor (frivillig erhvervsmentor)
// to a young person: shared interests for the chemistry, industry for the
// wishes, a short trip to meet, and time for the young person. The scheme's
// hard rule (at least 3 hours a month) lives in the mentors feature and is
// applied by src/matching/suggest.ts; "one mentee at a time" is a preference
// (the hours criterion below), not a limit.
import { listDa, notJudged, tagOverlap, travelCriterion } from './criteria-shared.ts';
import { memoByObject, stemSet } from './text.ts';
import type { Assessment, Criterion, VolunteerMentor, Weights, YoungPersonProfile } from './types.ts';

export type MentorCriterionName = 'interests' | 'industry' | 'travel' | 'hours';

/** Hours a month per mentee that give the hours criterion its full fit. */
export const FULL_FIT_HOURS_PER_MENTEE = 6;

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

/**
 * Time for one more young person: the mentor's hours a month shared with the
 * mentees they already have (6 hours per mentee or more is full fit). A mentor
 * who already has a mentee is ranked lower, not excluded: the project leader may
 * still match a second one (the mentors feature allows it).
 */
const hours: Criterion<YoungPersonProfile, VolunteerMentor> = {
  name: 'hours',
  soft: (_y, m) => {
    const perMentee = m.hoursPerMonth / (m.currentMentees + 1);
    const text = `Kan give ${m.hoursPerMonth} timer om måneden`;
    return {
      fit: Math.min(1, perMentee / FULL_FIT_HOURS_PER_MENTEE),
      text: m.currentMentees === 0 ? text : `${text} og har allerede ${m.currentMentees} mentee${m.currentMentees === 1 ? '' : 's'}`,
    };
  },
};

export const MENTOR_CRITERIA: readonly Criterion<YoungPersonProfile, VolunteerMentor>[] = [
  travelCriterion<VolunteerMentor>(),
  interests,
  industry,
  hours,
];
