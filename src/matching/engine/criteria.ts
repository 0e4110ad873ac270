// Criteria for matching a young person to company openings, and the default
// weights. The seeds say the personal match matters more than the industry: a
// company that takes responsibility, tasks the young person can solve, the
// right mentor, realistic hours and transport. The weights reflect that.
import {
  dateDa, daysBetween, hardLimit, interestTagsOf, listDa, NEUTRAL_FIT, overlapFit, softCriterion, travelCriterion,
} from './criteria-shared.ts';
import { matchingTags, memoByObject, stemSet } from './text.ts';
import type { Criterion, Opening, Weights, YoungPersonProfile } from './types.ts';
import { PLACEMENT_KIND_DA } from './types.ts';

export type OpeningCriterionName =
  | 'interests' | 'travel' | 'workload' | 'company_experience' | 'after_hours_mentor' | 'track_record' | 'start';

/**
 * Default weights for openings (sum 100, so points read directly):
 * - interests 20: tasks the young person wants to do.
 * - travel 20: "when does the bus go?" is a classic reason for no-shows.
 * - workload 15: starting below what the young person can manage leaves room to rise.
 * - company_experience 15: experience with the young person's needs (only with consent).
 * - track_record 15: companies that complete placements rather than break them off.
 * - after_hours_mentor 10: someone to call after 17:00 when it is needed.
 * - start 5: little waiting between screening and start.
 */
export const DEFAULT_WEIGHTS: Weights<OpeningCriterionName> = {
  interests: 20,
  travel: 20,
  workload: 15,
  company_experience: 15,
  track_record: 15,
  after_hours_mentor: 10,
  start: 5,
};

/** Word stems of an opening's tasks and of its company's experience, built once per opening (one lookup for both). */
const stemsOfOpening = memoByObject((o: Opening) => ({
  tasks: stemSet([...o.taskTags, o.taskWords ?? '', PLACEMENT_KIND_DA[o.placementKind]]),
  experience: stemSet(o.companyExperience),
}));
/** Builds an opening's word stems now (an index does this once, at build time, instead of during the first ranking). */
export function prepareOpening(o: Opening): void {
  stemsOfOpening(o);
}
const taskStemsOf = (o: Opening) => stemsOfOpening(o).tasks;
const experienceStemsOf = (o: Opening) => stemsOfOpening(o).experience;

type OpeningCriterion = Criterion<YoungPersonProfile, Opening>;
const limit = hardLimit<YoungPersonProfile, Opening>;
const softly = softCriterion<YoungPersonProfile, Opening>;

const interests: OpeningCriterion = softly(
  'interests',
  (y, o) => {
    const tags = interestTagsOf(y);
    return tags.length === 0 ? NEUTRAL_FIT : overlapFit(tags, taskStemsOf(o));
  },
  (y, o) => {
    const tags = interestTagsOf(y);
    if (tags.length === 0) return 'Interesser ikke vurderet: ingen interesser registreret';
    const hits = matchingTags(tags, taskStemsOf(o));
    return hits.length === 0 ? 'Opgaverne matcher ikke de registrerede interesser' : `Opgaverne passer til interesser: ${listDa(hits)}`;
  },
  { costly: true },
);

const moreDays = limit(
  'starts_with_more_days_than_possible',
  (y, o) => o.startDaysPerWeek > y.daysPerWeek,
  (y, o) => `Starter med ${o.startDaysPerWeek} dage om ugen – den unge kan højst ${y.daysPerWeek}`,
);

const moreHours = limit(
  'starts_with_more_hours_than_possible',
  (y, o) => o.startHoursPerDay > y.hoursPerDay,
  (y, o) => `Starter med ${o.startHoursPerDay} timer om dagen – den unge kan højst ${y.hoursPerDay}`,
);

/** Starting at up to 60 % of capacity is ideal; at full capacity half fit (no room to rise). */
const workload: OpeningCriterion = softly(
  'workload',
  (y, o) => {
    const load = (o.startDaysPerWeek * o.startHoursPerDay) / Math.max(1e-9, y.daysPerWeek * y.hoursPerDay);
    return load <= 0.6 ? 1 : Math.max(0, 1 - ((load - 0.6) / 0.4) * 0.5);
  },
  (y, o) => `Starter med ${o.startDaysPerWeek} dage à ${o.startHoursPerDay} timer – den unge kan ${y.daysPerWeek} dage à ${y.hoursPerDay} timer`,
);

/** Waiting up to 14 days is fine; fit falls to 0 at 90 days apart (either way). */
const start: OpeningCriterion = softly(
  'start',
  (y, o) => (!o.startDate || !y.earliestStart ? 1 : 1 - Math.min(1, Math.max(0, Math.abs(daysBetween(y.earliestStart, o.startDate)) - 14) / 76)),
  (y, o) => {
    if (!o.startDate) return 'Fleksibel start';
    if (!y.earliestStart) return `Starter ${dateDa(o.startDate)}`;
    const gap = daysBetween(y.earliestStart, o.startDate);
    if (gap >= 0) return `Starter ${dateDa(o.startDate)} (${gap} dage efter tidligste start)`;
    return `Virksomheden vil starte ${dateDa(o.startDate)} – den unge kan først ${dateDa(y.earliestStart)}`;
  },
);

/**
 * Uses only needs the young person shared for matching (the loader passes no others, so no needs and
 * unshared needs score alike); `needsConsent` false stays neutral as a second line of defence.
 */
const companyExperience: OpeningCriterion = softly(
  'company_experience',
  (y, o) => (y.needs.length === 0 ? 1 : !y.needsConsent ? NEUTRAL_FIT : overlapFit(y.needs, experienceStemsOf(o))),
  (y, o) => {
    // The same words whether there are no needs or none shared: the text must not reveal unshared needs.
    if (y.needs.length === 0) return 'Ingen behov delt til matchning';
    if (!y.needsConsent) return 'Virksomhedens erfaring ikke vurderet: ingen samtykke til at bruge behov';
    const hits = matchingTags(y.needs, experienceStemsOf(o));
    return hits.length === 0 ? 'Virksomheden har ikke erfaring med den unges behov' : `Virksomheden har erfaring med: ${listDa(hits)}`;
  },
  { costly: true },
);

/**
 * Someone to call after 17:00. Soft (weight `after_hours_mentor`) when the
 * young person needs it; when the screening says it is a must, the hard limit
 * `requires_after_hours_mentor` excludes openings without one. Not known =
 * neutral, and the text says so.
 */
const afterHoursMentor: OpeningCriterion = softly(
  'after_hours_mentor',
  (y, o) => (y.needsAfterHoursMentor === null ? NEUTRAL_FIT : !y.needsAfterHoursMentor || o.mentorReachableAfterHours ? 1 : 0),
  (y, o) => {
    if (y.needsAfterHoursMentor === null) return 'Mentor efter kl. 17 ikke vurderet: behovet er ikke afklaret';
    if (!y.needsAfterHoursMentor) return 'Mentor efter kl. 17 er ikke nødvendig';
    return o.mentorReachableAfterHours ? 'Mentor kan kontaktes efter kl. 17' : 'Ingen mentor efter kl. 17 – den unge har brug for det';
  },
);

/** Laplace-smoothed completion rate: a new company starts at neutral 0.5. */
const trackRecord: OpeningCriterion = softly(
  'track_record',
  (_y, o) => (o.trackRecord.completed + 1) / (o.trackRecord.completed + o.trackRecord.breakdowns + 2),
  (_y, o) => {
    const { completed, breakdowns } = o.trackRecord;
    if (completed + breakdowns === 0) return 'Ny virksomhed uden forløb endnu';
    return `Virksomheden har gennemført ${completed} forløb, ${breakdowns} afbrudt`;
  },
);

/**
 * All criteria for openings: hard limits first (cheap), then the soft ones.
 * Requirements the young person's screening has not answered (null) set no limit.
 */
export const OPENING_CRITERIA: readonly OpeningCriterion[] = [
  limit('requires_driving_licence', (y, o) => o.requirements.drivingLicence && !y.transport.drivingLicence, () => 'Kræver kørekort – den unge har ikke kørekort'),
  limit('early_mornings', (y, o) => o.requirements.earlyMornings && y.canDoEarlyMornings === false, () => 'Kræver tidligt fremmøde om morgenen – det kan den unge ikke'),
  limit('requires_lifting', (y, o) => o.requirements.lifting && y.canLift === false, () => 'Kræver tunge løft – det kan den unge ikke'),
  limit(
    'requires_after_hours_mentor',
    (y, o) => y.requiresAfterHoursMentor === true && !o.mentorReachableAfterHours,
    () => 'Den unge skal kunne ringe til en mentor efter kl. 17 – det kan virksomheden ikke tilbyde',
  ),
  moreDays,
  moreHours,
  travelCriterion<Opening>(),
  interests,
  workload,
  companyExperience,
  afterHoursMentor,
  trackRecord,
  start,
];
