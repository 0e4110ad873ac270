import type { TFunction } from 'i18next';
import type { GoalDefinition, Predicate } from '../../../../src/reports/goals.ts';
import type { CountEntity } from '../../../../src/reports/types.ts';

export type { GoalDefinition, Predicate };
export type ShareDefinition = Extract<GoalDefinition, { kind: 'share' }>;
export type CountDefinition = Extract<GoalDefinition, { kind: 'count' }>;
/** What the form posts: the id is made by the server for a new goal. */
export type GoalInput = (Omit<ShareDefinition, 'id'> | Omit<CountDefinition, 'id'>) & { id?: string };
type Condition = Exclude<Predicate, { all: unknown } | { any: unknown } | { not: unknown }>;

export const ANCHORS = ['all', 'startedAt', 'screenedAt', 'mentorMatchedAt', 'firstPlacementAt'] as const;
export const TIMINGS = ['inPeriod', 'monthsAgoAtLeast', 'exists'] as const;

/** The goal form's fields: strings as typed, turned into a definition on submit. */
export interface GoalFormState {
  kind: 'share' | 'count';
  title: string;
  targetPercent: string;
  targetCount: string;
  anchor: (typeof ANCHORS)[number];
  timing: (typeof TIMINGS)[number];
  months: string;
  readiness: string[];
  ageMin: string;
  ageMax: string;
  success: string[];
  entity: CountEntity;
  from: string;
  to: string;
  /** A share goal whose population or success the form cannot show: they are kept as they are. */
  advanced?: { population: Predicate; success: Predicate };
}

export function emptyForm(year: number): GoalFormState {
  return {
    kind: 'share', title: '', targetPercent: '25', targetCount: '', anchor: 'startedAt', timing: 'inPeriod', months: '6',
    readiness: [], ageMin: '', ageMax: '', success: ['education', 'ordinary_employment'],
    entity: 'placements', from: `${year}-01-01`, to: `${year}-12-31`,
  };
}

const conditionsOf = (p: Predicate): Predicate[] => ('all' in p ? p.all : [p]);

/** Reads a stored goal into the form; predicates the form cannot express become `advanced`. */
export function toForm(g: GoalDefinition, year: number): GoalFormState {
  const f = emptyForm(year);
  if (g.kind === 'count') return { ...f, kind: 'count', title: g.title, targetCount: String(g.target), entity: g.entity as CountEntity, from: g.from, to: g.to };
  const base = { ...f, kind: 'share' as const, title: g.title, targetPercent: String(Math.round(g.target * 1000) / 10) };
  const out: GoalFormState = { ...base, anchor: 'all', readiness: [], success: [] };
  let simple = true;
  const seen = new Set<string>();
  for (const c of conditionsOf(g.population)) {
    if ('all' in c || 'any' in c || 'not' in c) { simple = false; break; }
    const key = c.field === 'readiness' || c.field === 'age' ? c.field : 'date';
    if (seen.has(key)) { simple = false; break; }
    seen.add(key);
    if (c.field === 'readiness') out.readiness = [...c.values];
    else if (c.field === 'age') { out.ageMin = String(c.min); out.ageMax = String(c.max); }
    else if ((ANCHORS as readonly string[]).includes(c.field) && 'op' in c && (TIMINGS as readonly string[]).includes(c.op)) {
      out.anchor = c.field as GoalFormState['anchor'];
      out.timing = c.op as GoalFormState['timing'];
      if ('months' in c) out.months = String(c.months);
    } else { simple = false; break; }
  }
  const s = g.success;
  if (!('field' in s) || s.field !== 'status') simple = false;
  else out.success = [...s.values];
  return simple ? out : { ...base, advanced: { population: g.population, success: g.success } };
}

/** The definition the form describes (the API checks it again). */
export function fromForm(f: GoalFormState, id?: string): GoalInput {
  const title = f.title.trim();
  if (f.kind === 'count') return { id, kind: 'count', title, target: Number(f.targetCount), entity: f.entity, from: f.from, to: f.to };
  const target = Number(f.targetPercent.replace(',', '.')) / 100;
  if (f.advanced) return { id, kind: 'share', title, target, ...f.advanced };
  const parts: Condition[] = [];
  if (f.anchor !== 'all') {
    parts.push(f.timing === 'monthsAgoAtLeast'
      ? { field: f.anchor, op: 'monthsAgoAtLeast', months: Number(f.months) }
      : { field: f.anchor, op: f.timing });
  }
  if (f.readiness.length) parts.push({ field: 'readiness', op: 'in', values: f.readiness as never });
  if (f.ageMin !== '' || f.ageMax !== '') parts.push({ field: 'age', op: 'between', min: Number(f.ageMin || 0), max: Number(f.ageMax || 120) });
  const population: Predicate = parts.length === 1 ? parts[0] : { all: parts };
  return { id, kind: 'share', title, target, population, success: { field: 'status', op: 'in', values: f.success as never } };
}

/** The precise definition in words: who is counted (denominator) and who counts as success (numerator). */
export function describePredicate(p: Predicate, t: TFunction): string {
  if ('all' in p) return p.all.length ? p.all.map((x) => describePredicate(x, t)).join(t('def.and')) : t('def.everyone');
  if ('any' in p) return `(${p.any.map((x) => describePredicate(x, t)).join(t('def.or'))})`;
  if ('not' in p) return t('def.not', { what: describePredicate(p.not, t) });
  const list = (prefix: string, values: readonly (string | number)[]) => values.map((v) => t(`${prefix}.${v}`)).join(t('def.or'));
  switch (p.field) {
    case 'status': return t('def.status', { values: list('outcome', p.values) });
    case 'statusGroup': return t('def.statusGroup', { values: list('statusGroup', p.values) });
    case 'educationKind': return t('def.educationKind', { values: p.values.join(t('def.or')) });
    case 'readiness': return t('def.readiness', { values: list('readiness', p.values) });
    case 'firstPlacementKind': return t('def.firstPlacementKind', { values: list('placementKind', p.values) });
    case 'age': return t('def.age', { min: p.min, max: p.max });
    default: return 'months' in p
      ? t(`def.${p.op}`, { field: t(`def.field.${p.field}`), months: p.months, count: p.months })
      : t(`def.${p.op}`, { field: t(`def.field.${p.field}`) });
  }
}

export function describeCount(g: CountDefinition, t: TFunction): string {
  return t('def.count', { entity: t(`entity.${g.entity}`), from: g.from, to: g.to });
}
