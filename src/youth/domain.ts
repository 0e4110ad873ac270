/** The youth feature's fixed lists (codes in English, labels in the web i18n). */
export const REFERRAL_SOURCES = ['municipality', 'school', 'parent', 'self', 'other'] as const;
export const STAGES = ['referred', 'screening', 'clarification', 'in_placement', 'in_education', 'employed', 'ended'] as const;
export type Stage = (typeof STAGES)[number];
export const OUTCOMES = ['ordinary_employment', 'flex_job', 'disability_pension', 'education', 'resource_course',
  'public_benefits', 'moved', 'dropped_out', 'still_active'] as const;
export const EDUCATIONS = ['FGU', 'EGU', 'STU', 'EUD', 'HF', 'gymnasium', 'other'] as const;
export const BARRIERS = ['schooling', 'upbringing', 'self_esteem', 'isolation_bullying', 'diagnosis', 'cognitive',
  'not_assessed', 'substance_abuse', 'crime'] as const;
export type Barrier = (typeof BARRIERS)[number];
export const TRANSPORT = ['driving_licence', 'bike', 'bus'] as const;
/** Does the young person need a mentor they can reach after 17:00? 'wanted' weighs in matching, 'required' excludes. */
export const AFTER_HOURS_MENTOR = ['not_needed', 'wanted', 'required'] as const;
/** åbenlyst uddannelsesparat, uddannelsesparat, aktivitetsparat, ikke-uddannelsesparat (15–17 only). */
export const READINESS = ['obviously_ready', 'ready', 'activity_ready', 'not_ready'] as const;
export type Readiness = (typeof READINESS)[number];
export const JOURNAL_KINDS = ['meeting', 'phone', 'note', 'concern'] as const;
/** The caseload's default page size (GET /api/youth): what a counsellor scans on one screen. */
export const CASELOAD_PAGE_SIZE = 50;
export const GOAL_STATUS = ['not_started', 'in_progress', 'done', 'dropped'] as const;

/** Age in whole years on a given day (birth date as 'YYYY-MM-DD'). */
export function ageOn(birthDate: string, today: Date = new Date()): number {
  // Sliced, not split: a caseload list computes this for every row.
  const y = Number(birthDate.slice(0, 4)), m = Number(birthDate.slice(5, 7)), d = Number(birthDate.slice(8, 10));
  const ty = today.getFullYear(), tm = today.getMonth() + 1, td = today.getDate();
  return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
}

/**
 * KUI: "ikke-uddannelsesparat" is the category for 15–17-year-olds; from 18 the
 * categories are (åbenlyst) uddannelsesparat and aktivitetsparat.
 */
export function readinessProblem(readiness: Readiness, age: number): string | null {
  if (readiness === 'not_ready' && age >= 18) return 'Ikke-uddannelsesparat bruges kun for unge på 15–17 år. Vælg aktivitetsparat for unge over 17.';
  if (readiness === 'activity_ready' && age < 18) return 'Aktivitetsparat bruges fra 18 år. Vælg ikke-uddannelsesparat for unge på 15–17 år.';
  return null;
}

/**
 * Which stage may follow which. "ended" is reached only through an outcome, and
 * leaving "ended" is an explicit reopening.
 */
export const TRANSITIONS: Record<Stage, readonly Stage[]> = {
  referred: ['screening', 'clarification'],
  screening: ['clarification', 'in_placement', 'in_education'],
  clarification: ['screening', 'in_placement', 'in_education', 'employed'],
  in_placement: ['clarification', 'in_education', 'employed'],
  in_education: ['clarification', 'in_placement', 'employed'],
  employed: ['clarification', 'in_placement', 'in_education'],
  ended: [],
};

/**
 * Search key, loose: lower case, accents dropped, æ/ø/å as a/o/a and then aa/ae/oe as
 * one letter, so "norgaard", "noergaard" and "nørgaard" all find "Nørgaard" and
 * "aagaard" finds "Ågaard". The stored key is made the same way in SQL
 * (loose_search_key, migrations/0160_youth_loose_name_search.sql); keep the two in step.
 */
export function searchKey(s: string): string {
  return s
    .replace(/[Ææ]/g, 'a')
    .replace(/[Øø]/g, 'o')
    .replace(/[Åå]/g, 'a')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replaceAll('aa', 'a')
    .replaceAll('ae', 'a')
    .replaceAll('oe', 'o');
}

/** The words of a name search, each folded: every word must occur in the name, in any order ("møller sofie" finds "Sofie Møller"). */
export function searchWords(q: string): string[] {
  return searchKey(q).split(' ').filter((w) => w.length > 0).slice(0, 6);
}

export const danishCollator = new Intl.Collator('da', { sensitivity: 'base' });
