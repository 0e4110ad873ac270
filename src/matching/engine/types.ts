// Shapes the pure matching engine works on. Nothing here touches the database:
// callers map their rows to these plain objects first.

export interface GeoPoint {
  readonly lat: number;
  readonly lon: number;
}

/** Calendar date as 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface Transport {
  readonly drivingLicence: boolean;
  readonly bike: boolean;
  readonly bus: boolean;
}

/** What the engine may know about a young person (screening / afklaring). */
export interface YoungPersonProfile {
  /** Interests, e.g. 'dyr', 'værksted'. */
  readonly interests: readonly string[];
  /** Wishes for job or education, e.g. 'lager', 'tømrer'. */
  readonly wishes: readonly string[];
  /** How many days a week and hours a day the young person can manage now. */
  readonly daysPerWeek: number;
  readonly hoursPerDay: number;
  readonly earliestStart: IsoDate | null;
  readonly location: GeoPoint | null;
  /** Why `location` is unknown, said in the explanation ("ingen adressetjeneste sat op"); absent = no address. */
  readonly locationUnknownReason?: string;
  readonly maxTravelMinutes: number;
  readonly transport: Transport;
  /** Barriers/needs, e.g. 'angst', 'adhd'. Special-category data: used only when `needsConsent`. */
  readonly needs: readonly string[];
  /** The young person has agreed that needs may be used for matching. */
  readonly needsConsent: boolean;
  /**
   * Needs a mentor who can be reached after 17:00 (soft criterion); null = not
   * known (neutral, and the text says so).
   */
  readonly needsAfterHoursMentor: boolean | null;
  /** Must have one: openings without an after-hours mentor are excluded (hard limit). */
  readonly requiresAfterHoursMentor?: boolean;
  /** false = cannot manage early mornings; null/undefined = not known (no limit). */
  readonly canDoEarlyMornings?: boolean | null;
  /** false = cannot do heavy lifting; null/undefined = not known (no limit). */
  readonly canLift?: boolean | null;
  readonly age?: number | null;
  readonly municipality?: string | null;
}

export type PlacementKind =
  | 'trial_placement'
  | 'work_placement'
  | 'wage_subsidy'
  | 'paid_hours'
  | 'leisure_job'
  | 'apprenticeship'
  | 'ordinary_employment';

export const PLACEMENT_KIND_DA: Readonly<Record<PlacementKind, string>> = {
  trial_placement: 'snusepraktik',
  work_placement: 'virksomhedspraktik',
  wage_subsidy: 'løntilskud',
  paid_hours: 'lønnede timer',
  leisure_job: 'fritidsjob',
  apprenticeship: 'læreplads',
  ordinary_employment: 'ordinær ansættelse',
};

/** An opening (opgave / tilbud) at a company. */
export interface Opening {
  readonly id: string;
  readonly taskTags: readonly string[];
  /** Free-text description of the tasks, matched word by word. */
  readonly taskWords?: string;
  readonly placementKind: PlacementKind;
  /** What the placement starts with (it often rises later). */
  readonly startDaysPerWeek: number;
  readonly startHoursPerDay: number;
  /** null = flexible start. */
  readonly startDate: IsoDate | null;
  readonly location: GeoPoint | null;
  readonly requirements: {
    readonly drivingLicence: boolean;
    readonly lifting: boolean;
    readonly earlyMornings: boolean;
  };
  /** Needs the company has experience with, e.g. 'angst', 'autisme'. */
  readonly companyExperience: readonly string[];
  readonly mentorReachableAfterHours: boolean;
  readonly trackRecord: { readonly completed: number; readonly breakdowns: number };
}

/** A volunteer business mentor (frivillig erhvervsmentor). */
export interface VolunteerMentor {
  readonly id: string;
  readonly interests: readonly string[];
  readonly industry: readonly string[];
  readonly location: GeoPoint | null;
  readonly hoursPerMonth: number;
  /** Mentees "Foreslå for alle" fills up to (a preference: matching one young person may go beyond it). */
  readonly maxMentees: number;
  readonly currentMentees: number;
}

/** An initiative (indsats) from the initiative catalog. */
export interface Initiative {
  readonly id: string;
  readonly name: string;
  readonly ageMin: number | null;
  readonly ageMax: number | null;
  /** Municipalities offering it; empty = the whole region. */
  readonly municipalities: readonly string[];
  readonly tags: readonly string[];
}

/** A hard limit that excludes a candidate ("why not"). */
export interface Limit {
  readonly criterion: string;
  readonly text: string;
}

/** How well a candidate fits one soft criterion: fit in [0,1] and a Danish explanation (without points). */
export interface Assessment {
  readonly fit: number;
  readonly text: string;
}

/**
 * One named criterion. `hard` returns a limit when the candidate is impossible;
 * `soft` judges fit, weighted by `weights[name]`.
 */
export interface Criterion<Subject, Candidate> {
  readonly name: string;
  readonly hard?: (subject: Subject, candidate: Candidate) => Limit | null;
  /**
   * Optional fast form of `hard` for ranking thousands of candidates: true
   * exactly when `hard` returns a limit, without building its text.
   */
  readonly blocks?: (subject: Subject, candidate: Candidate) => boolean;
  readonly soft?: (subject: Subject, candidate: Candidate) => Assessment;
  /** Optional fast form of `soft`: exactly `soft(...).fit`, without building its text. */
  readonly fit?: (subject: Subject, candidate: Candidate) => number;
  /**
   * The fit is dearer than the others (text matching): ranking judges it last
   * and skips it when even full points could not lift the candidate into the
   * list shown.
   */
  readonly costly?: boolean;
}

/** Weight per soft criterion name; non-negative, any scale (scores are normalised to 0–100). */
export type Weights<Name extends string = string> = Readonly<Record<Name, number>>;

export interface Contribution {
  readonly criterion: string;
  readonly points: number;
  /** Danish explanation including the points, e.g. "Rejsetid ca. 25 min med bus (+6)". */
  readonly text: string;
}

export interface Suggestion {
  readonly candidateId: string;
  readonly score: number;
  readonly contributions: readonly Contribution[];
  readonly excluded?: { readonly limits: readonly Limit[] };
}
