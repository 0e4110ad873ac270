import { Type, type Static } from '@sinclair/typebox';

/** A union of string literals, typed as the literal union (TypeBox's mapped Union alone widens to string). */
const lit = <T extends readonly string[]>(xs: T) => Type.Unsafe<T[number]>(Type.Union(xs.map((x) => Type.Literal(x))));
const Uuid = Type.String({ format: 'uuid' });
const DateStr = Type.String({ format: 'date' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const CANDIDATE_KINDS = ['opening', 'mentor'] as const;
export type CandidateKind = (typeof CANDIDATE_KINDS)[number];

/** What suggestions can be for: initiatives are ranked only (the catalog feature links them to a pathway). */
export const SUGGESTION_KINDS = ['opening', 'mentor', 'initiative'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export const IdParams = Type.Object({ id: Uuid });

export const SuggestionsQuery = Type.Object({
  kind: Type.Optional(lit(['openings', 'mentors', 'initiatives'] as const)),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
});

const Reason = Type.Object({ criterion: Type.String(), text: Type.String() });
const Contribution = Type.Object({ criterion: Type.String(), points: Type.Number(), text: Type.String() });

export const SuggestionView = Type.Object({
  candidateId: Uuid,
  title: Type.String(),
  subtitle: Type.String(),
  score: Type.Number(),
  contributions: Type.Array(Contribution),
  /** Hard limits ("hvorfor ikke"); empty = possible. */
  excluded: Type.Array(Reason),
  freePlaces: Type.Integer(),
  lastDecision: Type.Union([Type.Null(), Type.Object({ decision: lit(['accepted', 'rejected'] as const), reason: Type.Union([Type.String(), Type.Null()]), decidedAt: Type.String() })]),
});
export type SuggestionView = Static<typeof SuggestionView>;

export const SuggestionsResponse = Type.Object({
  youngPersonId: Uuid,
  youngPersonName: Type.String(),
  kind: lit(SUGGESTION_KINDS),
  /** False when the young person or no candidate has coordinates: the list says so. */
  travelJudged: Type.Boolean(),
  notes: Type.Array(Type.String()),
  suggestions: Type.Array(SuggestionView),
});
export type SuggestionsResponse = Static<typeof SuggestionsResponse>;

export const AcceptBody = Type.Object({
  kind: lit(CANDIDATE_KINDS),
  candidateId: Uuid,
  source: Type.Optional(lit(['single', 'batch'] as const)),
  /** Openings: when the placement starts (default today) and which kind (default the opening's first kind). */
  startDate: Type.Optional(DateStr),
  placementKind: Type.Optional(lit(['trial', 'work_placement', 'wage_subsidy', 'paid_hours', 'leisure_job', 'apprenticeship', 'ordinary_job'] as const)),
});
export type AcceptBody = Static<typeof AcceptBody>;

export const RejectBody = Type.Object({
  kind: lit(CANDIDATE_KINDS),
  candidateId: Uuid,
  reason: Type.String({ minLength: 2, maxLength: 1000 }),
  source: Type.Optional(lit(['single', 'batch'] as const)),
});
export type RejectBody = Static<typeof RejectBody>;

export const DecisionView = Type.Object({
  id: Uuid,
  youngPersonId: Uuid,
  kind: lit(CANDIDATE_KINDS),
  candidateId: Uuid,
  decision: lit(['accepted', 'rejected'] as const),
  reason: Type.Union([Type.String(), Type.Null()]),
  source: lit(['single', 'batch'] as const),
  score: Type.Union([Type.Number(), Type.Null()]),
  placementId: Nullable(Uuid),
  mentorshipId: Nullable(Uuid),
  decidedAt: Type.String(),
});
export type DecisionView = Static<typeof DecisionView>;

export const BatchBody = Type.Object({ kind: Type.Optional(lit(['openings', 'mentors'] as const)) });

export const Proposal = Type.Object({
  youngPersonId: Uuid,
  youngPersonName: Type.String(),
  candidateId: Uuid,
  title: Type.String(),
  subtitle: Type.String(),
  score: Type.Number(),
  contributions: Type.Array(Contribution),
});
export type Proposal = Static<typeof Proposal>;

export const BatchResponse = Type.Object({
  kind: lit(CANDIDATE_KINDS),
  waiting: Type.Integer(),
  candidates: Type.Integer(),
  places: Type.Integer(),
  totalScore: Type.Number(),
  /** Young people for whom no candidate passes the hard limits (or none was left). */
  unassigned: Type.Array(Type.Object({ youngPersonId: Uuid, youngPersonName: Type.String() })),
  proposals: Type.Array(Proposal),
  ms: Type.Number(),
  travelJudged: Type.Boolean(),
});
export type BatchResponse = Static<typeof BatchResponse>;

const WeightSet = Type.Object({
  weights: Type.Record(Type.String(), Type.Number()),
  defaults: Type.Record(Type.String(), Type.Number()),
  custom: Type.Boolean(),
});
export const WeightsResponse = Type.Object({ opening: WeightSet, mentor: WeightSet });
export const WeightsBody = Type.Object({
  kind: lit(CANDIDATE_KINDS),
  /** Criterion → weight (0–100). Criteria left out keep the default; null resets all to the defaults. */
  weights: Type.Union([Type.Record(Type.String(), Type.Number({ minimum: 0, maximum: 100 })), Type.Null()]),
});

const Outcomes = Type.Object({
  total: Type.Integer(), ongoing: Type.Integer(), hired: Type.Integer(), education: Type.Integer(),
  endedAsPlanned: Type.Integer(), breakdown: Type.Integer(),
});
const Chemistry = Type.Object({ total: Type.Integer(), met: Type.Integer(), good: Type.Integer(), tryAgain: Type.Integer(), notAMatch: Type.Integer() });
export const ReportResponse = Type.Object({
  placements: Type.Object({ fromSuggestions: Outcomes, others: Outcomes }),
  mentorships: Type.Object({ fromSuggestions: Chemistry, others: Chemistry }),
  decisions: Type.Object({ accepted: Type.Integer(), rejected: Type.Integer() }),
});
export type ReportResponse = Static<typeof ReportResponse>;
