/**
 * Inputs and outputs of the report logic. The report functions are pure: they
 * take plain records (built from the database by queries.ts, or by a test) and
 * return tables. Dates are ISO dates (YYYY-MM-DD).
 */

export const OUTCOMES = [
  'ordinary_employment', 'flex_job', 'disability_pension', 'education', 'resource_course',
  'public_benefits', 'moved', 'dropped_out', 'still_active',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const EDUCATION_KINDS = ['FGU', 'EGU', 'STU', 'EUD', 'HF', 'gymnasium', 'other'] as const;
export type EducationKind = (typeof EDUCATION_KINDS)[number];

/** What a count goal can count (dated in the goal's period, up to the status date). */
export const COUNT_ENTITIES = ['young_people_started', 'job_openings', 'placements', 'hires', 'events', 'mentor_matches', 'member_companies_joined'] as const;
export type CountEntity = (typeof COUNT_ENTITIES)[number];

export const READINESS = ['obviously_ready', 'ready', 'activity_ready', 'not_ready'] as const;
export type Readiness = (typeof READINESS)[number];

/** Placement kinds, in the order a pathway usually climbs them. */
export const PLACEMENT_KINDS = ['trial', 'work_placement', 'wage_subsidy', 'paid_hours', 'leisure_job', 'apprenticeship', 'ordinary_job'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];
/** Kinds that are paid work: reaching one counts as the last step of the funnel. */
export const PAID_KINDS: readonly string[] = ['paid_hours', 'leisure_job', 'apprenticeship', 'ordinary_job'];

export interface PlacementRecord {
  kind: string;
  startedAt: string;
  endedAt?: string | null;
  /** Why it ended early (breakdown), null when it ran its course or still runs. */
  breakdownCause?: string | null;
  /** The placement led to a hire (paid hours, job, apprenticeship). */
  hired?: boolean;
  companyId?: string | null;
}

/** One young person's pathway (forløb), as the reports see it. */
export interface PathwayRecord {
  id: string;
  /** The pathway started (intake / referral accepted). */
  startedAt: string;
  /** Null while the pathway runs. */
  outcome: Outcome | null;
  educationKind?: EducationKind | null;
  outcomeDate?: string | null;
  readiness?: Readiness | null;
  age?: number | null;
  counsellorId?: string | null;
  /** First completed screening, if any. */
  screenedAt?: string | null;
  /** First mentor match, if any. */
  mentorMatchedAt?: string | null;
  placements?: PlacementRecord[];
}

export type ColumnKind = 'text' | 'count' | 'share' | 'number' | 'days';

export interface ReportColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type CellValue = string | number | null;

/**
 * A table as shown, exported and suppressed. `suppressed` marks cells hidden
 * for viewers outside the team: their value is null and they print as "..".
 */
export interface ReportTable {
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: { key: string; cells: CellValue[]; suppressed?: boolean[]; level?: number }[];
  note?: string;
}

export const SUPPRESSED_MARK = '..';
