// Public API of the pure matching engine (no database).
export type * from './types.ts';
export { PLACEMENT_KIND_DA } from './types.ts';
export { rank, rankTop, evaluate, withWeights, formatPoints, Scorer, EXCLUDED, type RankTop } from './score.ts';
export { OPENING_CRITERIA, DEFAULT_WEIGHTS, prepareOpening, type OpeningCriterionName } from './criteria.ts';
export { MENTOR_CRITERIA, DEFAULT_MENTOR_WEIGHTS, FULL_FIT_HOURS_PER_MENTEE, type MentorCriterionName } from './criteria-mentors.ts';
export { INITIATIVE_CRITERIA, DEFAULT_INITIATIVE_WEIGHTS, type InitiativeCriterionName } from './criteria-initiatives.ts';
export { NEUTRAL_FIT, travelCriterion } from './criteria-shared.ts';
export { assign, type AssignmentProblem, type AssignmentResult } from './assign.ts';
export { haversineKm, estimateTravel, reachKm, TRAVEL_SPEEDS, DETOUR_FACTOR, type TravelMode } from './geo.ts';
export { SpatialGrid, ReachIndex } from './grid.ts';
export { stemDanish, stemsOf } from './text.ts';
