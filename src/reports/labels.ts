/** Danish labels used in tables and exports (the UI translates with i18n; exports are in Danish). */
import type { EducationKind, Outcome, Readiness } from './types.ts';

export const OUTCOME_LABELS: Record<Outcome, string> = {
  ordinary_employment: 'Ordinær beskæftigelse',
  flex_job: 'Fleksjob',
  disability_pension: 'Førtidspension',
  education: 'Uddannelse',
  resource_course: 'Ressourceforløb',
  public_benefits: 'Tilbage på offentlig forsørgelse',
  moved: 'Fraflyttet',
  dropped_out: 'Faldet fra',
  still_active: 'Stadig aktiv',
};

export const EDUCATION_LABELS: Record<EducationKind, string> = {
  FGU: 'FGU', EGU: 'EGU', STU: 'STU', EUD: 'EUD', HF: 'HF', gymnasium: 'Gymnasium', other: 'Anden uddannelse',
};

export const READINESS_LABELS: Record<Readiness | 'unknown', string> = {
  obviously_ready: 'Åbenlyst uddannelsesparat',
  ready: 'Uddannelsesparat',
  activity_ready: 'Aktivitetsparat',
  not_ready: 'Ikke-uddannelsesparat',
  unknown: 'Ikke vurderet',
};

export const PLACEMENT_LABELS: Record<string, string> = {
  trial: 'Snusepraktik',
  work_placement: 'Virksomhedspraktik',
  wage_subsidy: 'Løntilskud',
  paid_hours: 'Lønnede timer',
  leisure_job: 'Fritidsjob / småjob',
  apprenticeship: 'Læreplads',
  ordinary_job: 'Ordinær ansættelse',
  none: 'Ingen praktik',
};

export const BREAKDOWN_LABELS: Record<string, string> = {
  match: 'Dårligt match',
  expectations: 'Uklare forventninger',
  follow_up: 'Manglende opfølgning',
  health: 'Helbred',
  other: 'Andet',
};

export const label = (map: Record<string, string>, key: string) => map[key] ?? key;

const whole = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 });
/** "1 dag", "2 dage" (exports are in Danish; the page says the same through i18next plurals). */
export const daysText = (n: number) => `${whole.format(n)} ${n === 1 ? 'dag' : 'dage'}`;
