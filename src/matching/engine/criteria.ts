// Criteria for matching a young person to company openings, and the default
// weights. The seeds say the personal match matters more than the industry: a
// company that takes responsibility, tasks the young person can solve, the
// right mentor, realistic hours and transport. The weights reflect that.
import {
  dateDa, daysBetween, interestTagsOf, listDa, notJudged, tagOverlap, travelCriterion,
} from './criteria-shared.ts';
import { memoByObject, stemSet } from './text.ts';
import type { Assessment, Criterion, Limit, Opening, Weights, YoungPersonProfile } from './types.ts';
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

const taskStemsOf = memoByObject((o: Opening) =>
  stemSet([...o.taskTags, o.taskWords ?? '', PLACEMENT_KIND_DA[o.placementKind]]),
);
const experienceStemsOf = memoByObject((o: Opening) => stemSet(o.companyExperience));

function requirement(name: string, applies: (y: YoungPersonProfile, o: Opening) => boolean, text: string): Criterion<YoungPersonProfile, Opening> {
  return { name, hard: (y, o): Limit | null => (applies(y, o) ? { criterion: name, text } : null) };
}

const interests: Criterion<YoungPersonProfile, Opening> = {
  name: 'interests',
  soft(y, o): Assessment {
    const tags = interestTagsOf(y);
    if (tags.length === 0) return notJudged('Interesser ikke vurderet: ingen interesser registreret');
    const { hits, fit } = tagOverlap(tags, taskStemsOf(o));
    if (hits.length === 0) return { fit: 0, text: 'Opgaverne matcher ikke de registrerede interesser' };
    return { fit, text: `Opgaverne passer til interesser: ${listDa(hits)}` };
  },
};

const moreDays: Criterion<YoungPersonProfile, Opening> = {
  name: 'starts_with_more_days_than_possible',
  hard: (y, o) =>
    o.startDaysPerWeek > y.daysPerWeek
      ? { criterion: 'starts_with_more_days_than_possible', text: `Starter med ${o.startDaysPerWeek} dage om ugen – den unge kan højst ${y.daysPerWeek}` }
      : null,
};

const moreHours: Criterion<YoungPersonProfile, Opening> = {
  name: 'starts_with_more_hours_than_possible',
  hard: (y, o) =>
    o.startHoursPerDay > y.hoursPerDay
      ? { criterion: 'starts_with_more_hours_than_possible', text: `Starter med ${o.startHoursPerDay} timer om dagen – den unge kan højst ${y.hoursPerDay}` }
      : null,
};

/** Starting at up to 60 % of capacity is ideal; at full capacity half fit (no room to rise). */
const workload: Criterion<YoungPersonProfile, Opening> = {
  name: 'workload',
  soft(y, o): Assessment {
    const load = (o.startDaysPerWeek * o.startHoursPerDay) / Math.max(1e-9, y.daysPerWeek * y.hoursPerDay);
    const fit = load <= 0.6 ? 1 : Math.max(0, 1 - ((load - 0.6) / 0.4) * 0.5);
    return {
      fit,
      text: `Starter med ${o.startDaysPerWeek} dage à ${o.startHoursPerDay} timer – den unge kan ${y.daysPerWeek} dage à ${y.hoursPerDay} timer`,
    };
  },
};

/** Waiting up to 14 days is fine; fit falls to 0 at 90 days apart (either way). */
const start: Criterion<YoungPersonProfile, Opening> = {
  name: 'start',
  soft(y, o): Assessment {
    if (!o.startDate) return { fit: 1, text: 'Fleksibel start' };
    if (!y.earliestStart) return { fit: 1, text: `Starter ${dateDa(o.startDate)}` };
    const gap = daysBetween(y.earliestStart, o.startDate);
    const fit = 1 - Math.min(1, Math.max(0, Math.abs(gap) - 14) / 76);
    if (gap >= 0) return { fit, text: `Starter ${dateDa(o.startDate)} (${gap} dage efter tidligste start)` };
    return { fit, text: `Virksomheden vil starte ${dateDa(o.startDate)} – den unge kan først ${dateDa(y.earliestStart)}` };
  },
};

/** Uses the young person's needs only with consent; without it the criterion is neutral and says so. */
const companyExperience: Criterion<YoungPersonProfile, Opening> = {
  name: 'company_experience',
  soft(y, o): Assessment {
    if (y.needs.length === 0) return { fit: 1, text: 'Ingen særlige behov at tage hensyn til' };
    if (!y.needsConsent) return notJudged('Virksomhedens erfaring ikke vurderet: ingen samtykke til at bruge behov');
    const { hits, fit } = tagOverlap(y.needs, experienceStemsOf(o));
    if (hits.length === 0) return { fit: 0, text: 'Virksomheden har ikke erfaring med den unges behov' };
    return { fit, text: `Virksomheden har erfaring med: ${listDa(hits)}` };
  },
};

const afterHoursMentor: Criterion<YoungPersonProfile, Opening> = {
  name: 'after_hours_mentor',
  soft(y, o): Assessment {
    if (!y.needsAfterHoursMentor) return { fit: 1, text: 'Mentor efter kl. 17 er ikke nødvendig' };
    return o.mentorReachableAfterHours
      ? { fit: 1, text: 'Mentor kan kontaktes efter kl. 17' }
      : { fit: 0, text: 'Ingen mentor efter kl. 17 – den unge har brug for det' };
  },
};

/** Laplace-smoothed completion rate: a new company starts at neutral 0.5. */
const trackRecord: Criterion<YoungPersonProfile, Opening> = {
  name: 'track_record',
  soft(_y, o): Assessment {
    const { completed, breakdowns } = o.trackRecord;
    const fit = (completed + 1) / (completed + breakdowns + 2);
    if (completed + breakdowns === 0) return { fit, text: 'Ny virksomhed uden forløb endnu' };
    return { fit, text: `Virksomheden har gennemført ${completed} forløb, ${breakdowns} afbrudt` };
  },
};

/** All criteria for openings: hard limits first (cheap), then the soft ones. */
export const OPENING_CRITERIA: readonly Criterion<YoungPersonProfile, Opening>[] = [
  requirement('requires_driving_licence', (y, o) => o.requirements.drivingLicence && !y.transport.drivingLicence, 'Kræver kørekort – den unge har ikke kørekort'),
  requirement('early_mornings', (y, o) => o.requirements.earlyMornings && !y.canDoEarlyMornings, 'Kræver tidligt fremmøde om morgenen – det kan den unge ikke'),
  requirement('requires_lifting', (y, o) => o.requirements.lifting && y.canLift === false, 'Kræver tunge løft – det kan den unge ikke'),
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
