import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { COUNT_ENTITIES, EDUCATION_KINDS, OUTCOMES, READINESS, type CountEntity, type PathwayRecord, type ReportTable } from './types.ts';
import { addMonths, inPeriod } from './dates.ts';
import { statusOn } from './outcomes.ts';
import { firstPlacement, statusGroupOn, STATUS_GROUPS } from './cohorts.ts';

/**
 * Programme goals are data, not code: a partnership stores a list of goal
 * definitions (JSON, validated by GoalDefinition) and the report evaluates them.
 *
 * A share goal: among the records matching `population`, the share matching
 * `success`, against `target` (0–1). A count goal: the number of `entity`
 * things dated within [from, to], against `target`.
 */
const DateField = Type.Union([Type.Literal('startedAt'), Type.Literal('screenedAt'), Type.Literal('mentorMatchedAt'), Type.Literal('firstPlacementAt'), Type.Literal('outcomeDate')]);
const lits = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));

const Condition = Type.Union([
  Type.Object({ field: DateField, op: Type.Union([Type.Literal('exists'), Type.Literal('missing'), Type.Literal('inPeriod')]) }, { additionalProperties: false }),
  Type.Object({ field: DateField, op: Type.Literal('monthsAgoAtLeast'), months: Type.Integer({ minimum: 0, maximum: 120 }) }, { additionalProperties: false }),
  Type.Object({ field: Type.Literal('status'), op: Type.Literal('in'), values: Type.Array(lits(OUTCOMES), { minItems: 1 }) }, { additionalProperties: false }),
  Type.Object({ field: Type.Literal('statusGroup'), op: Type.Literal('in'), values: Type.Array(lits(STATUS_GROUPS), { minItems: 1 }) }, { additionalProperties: false }),
  Type.Object({ field: Type.Literal('educationKind'), op: Type.Literal('in'), values: Type.Array(lits(EDUCATION_KINDS), { minItems: 1 }) }, { additionalProperties: false }),
  Type.Object({ field: Type.Literal('readiness'), op: Type.Literal('in'), values: Type.Array(lits([...READINESS, 'unknown']), { minItems: 1 }) }, { additionalProperties: false }),
  Type.Object({ field: Type.Literal('firstPlacementKind'), op: Type.Literal('in'), values: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1 }) }, { additionalProperties: false }),
  Type.Object({ field: Type.Literal('age'), op: Type.Literal('between'), min: Type.Integer({ minimum: 0 }), max: Type.Integer({ maximum: 120 }) }, { additionalProperties: false }),
]);

export const Predicate = Type.Recursive((Self) => Type.Union([
  Condition,
  Type.Object({ all: Type.Array(Self) }, { additionalProperties: false }),
  Type.Object({ any: Type.Array(Self, { minItems: 1 }) }, { additionalProperties: false }),
  Type.Object({ not: Self }, { additionalProperties: false }),
]), { $id: 'ReportPredicate' });
export type Predicate = Static<typeof Predicate>;

export { COUNT_ENTITIES, type CountEntity };

const Common = {
  id: Type.String({ pattern: '^[a-z0-9_-]{1,40}$' }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
};
export const ShareGoal = Type.Object({
  ...Common,
  kind: Type.Literal('share'),
  target: Type.Number({ minimum: 0, maximum: 1 }),
  population: Predicate,
  success: Predicate,
}, { additionalProperties: false });
export const CountGoal = Type.Object({
  ...Common,
  kind: Type.Literal('count'),
  target: Type.Integer({ minimum: 1 }),
  entity: lits(COUNT_ENTITIES),
  from: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
  to: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }),
}, { additionalProperties: false });
export const GoalDefinition = Type.Union([ShareGoal, CountGoal]);
export type GoalDefinition = Static<typeof GoalDefinition>;
export const GoalDefinitions = Type.Array(GoalDefinition, { maxItems: 50 });

/**
 * How deep all/any/not may nest. JSON Schema cannot bound a recursive schema's
 * depth, and the validator recurses once per level (5,000 levels overflowed the
 * stack: a 500), so the depth is measured first, without recursion.
 */
export const MAX_PREDICATE_DEPTH = 8;
const TOO_DEEP = `er indlejret for dybt: højst ${MAX_PREDICATE_DEPTH} niveauer af «alle», «mindst én» og «ikke».`;

export function predicateDepth(pred: unknown, limit = MAX_PREDICATE_DEPTH): number {
  let max = 0;
  const stack: [unknown, number][] = [[pred, 0]];
  while (stack.length && max <= limit) {
    const [node, d] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    max = Math.max(max, d);
    const n = node as { all?: unknown; any?: unknown; not?: unknown };
    for (const list of [n.all, n.any]) if (Array.isArray(list)) for (const x of list) stack.push([x, d + 1]);
    if (n.not !== undefined) stack.push([n.not, d + 1]);
  }
  return max;
}

/** The predicate fields of a goal that nest too deep. */
function tooDeepFields(goal: unknown): ('population' | 'success')[] {
  if (!goal || typeof goal !== 'object') return [];
  const g = goal as Record<string, unknown>;
  return (['population', 'success'] as const).filter((f) => predicateDepth(g[f]) > MAX_PREDICATE_DEPTH);
}

/** Validates stored or posted goal definitions; returns the problems in plain Danish. */
export function validateGoals(input: unknown): { ok: true; goals: GoalDefinition[] } | { ok: false; problems: string[] } {
  const schema: TSchema = GoalDefinitions;
  const deep = Array.isArray(input) ? input.flatMap((g, i) => tooDeepFields(g).map((f) => `Feltet /${i}/${f} ${TOO_DEEP}`)) : [];
  if (deep.length) return { ok: false, problems: deep.slice(0, 5) };
  if (Value.Check(schema, input)) {
    const goals = input as GoalDefinition[];
    const bad = goals.filter((g) => g.kind === 'count' && g.from > g.to).map((g) => `Målet "${g.title}": slutdatoen ligger før startdatoen.`);
    return bad.length ? { ok: false, problems: bad } : { ok: true, goals };
  }
  const problems = [...Value.Errors(schema, input)].slice(0, 5).map((e) => `Feltet ${e.path || '/'} er ugyldigt: ${e.message}`);
  return { ok: false, problems };
}

const FIELD_MESSAGES: Record<string, string> = {
  id: 'Id må kun indeholde små bogstaver, tal, - og _ (højst 40 tegn).',
  title: 'Skriv en titel på højst 200 tegn.',
  entity: 'Vælg hvad der skal tælles.',
  from: 'Skriv en startdato (åååå-mm-dd).',
  to: 'Skriv en slutdato (åååå-mm-dd).',
  population: 'Målgruppen er ikke en gyldig definition.',
  success: 'Succeskriteriet er ikke en gyldig definition.',
};

export type GoalCheck = { ok: true; goal: GoalDefinition } | { ok: false; message: string; fields: { field: string; message: string }[] };

/**
 * Checks one posted goal against the schema of its kind, so each problem can
 * be tied to the form field it belongs to, in plain Danish.
 */
export function checkGoal(input: unknown): GoalCheck {
  const kind = (input as { kind?: unknown } | null)?.kind;
  if (typeof input !== 'object' || input === null || (kind !== 'share' && kind !== 'count')) {
    return { ok: false, message: 'Målet kan ikke gemmes: vælg om det er en andel eller et antal.', fields: [{ field: 'kind', message: 'Vælg andel eller antal.' }] };
  }
  const schema: TSchema = kind === 'share' ? ShareGoal : CountGoal;
  // Too deep: the schema check would recurse once per level, so it is not run.
  const deep = tooDeepFields(input).map((field) => ({ field, message: `${field === 'population' ? 'Målgruppen' : 'Succeskriteriet'} ${TOO_DEEP}` }));
  if (deep.length) return { ok: false, message: `Målet kan ikke gemmes: ${deep.map((f) => f.message).join(' ')}`, fields: deep };
  const fields = new Map<string, string>();
  if (!Value.Check(schema, input)) {
    for (const e of Value.Errors(schema, input)) {
      const field = e.path.split('/')[1] || 'goal';
      if (fields.has(field)) continue;
      const message = field === 'target'
        ? (kind === 'share' ? 'Målet for en andel skal være mellem 0 og 1 (0–100 %).' : 'Målet skal være et helt tal på mindst 1.')
        : FIELD_MESSAGES[field] ?? `Feltet ${field} er ugyldigt eller ukendt.`;
      fields.set(field, message);
    }
  } else {
    const g = input as GoalDefinition;
    if (g.kind === 'count' && g.from > g.to) fields.set('to', 'Slutdatoen skal ligge efter startdatoen.');
    if (!g.title.trim()) fields.set('title', FIELD_MESSAGES.title);
  }
  if (fields.size === 0) return { ok: true, goal: input as GoalDefinition };
  const list = [...fields].map(([field, message]) => ({ field, message }));
  return { ok: false, message: `Målet kan ikke gemmes: ${list.map((f) => f.message).join(' ')}`, fields: list };
}

/** A readable, unique id from the title: "Praktikker i 2026" → "praktikker-i-2026". */
export function goalIdFrom(title: string, used: ReadonlySet<string>): string {
  const base = title.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')
    .normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 34).replace(/-+$/, '') || 'maal';
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  return id;
}

export interface EvalContext {
  asOf: string;
  from: string;
  to: string;
}

function dateOf(p: PathwayRecord, field: Static<typeof DateField>): string | null {
  if (field === 'firstPlacementAt') return firstPlacement(p)?.startedAt ?? null;
  const v = p[field];
  return v ? v.slice(0, 10) : null;
}

export function matches(p: PathwayRecord, pred: Predicate, ctx: EvalContext): boolean {
  if ('all' in pred) return pred.all.every((x) => matches(p, x, ctx));
  if ('any' in pred) return pred.any.some((x) => matches(p, x, ctx));
  if ('not' in pred) return !matches(p, pred.not, ctx);
  switch (pred.field) {
    case 'status': return (pred.values as string[]).includes(statusOn(p, ctx.asOf));
    case 'statusGroup': return (pred.values as string[]).includes(statusGroupOn(p, ctx.asOf));
    case 'educationKind': return statusOn(p, ctx.asOf) === 'education' && (pred.values as string[]).includes(p.educationKind ?? 'other');
    case 'readiness': return (pred.values as string[]).includes(p.readiness ?? 'unknown');
    case 'firstPlacementKind': return pred.values.includes(firstPlacement(p)?.kind ?? 'none');
    case 'age': return p.age != null && p.age >= pred.min && p.age <= pred.max;
    default: {
      const d = dateOf(p, pred.field);
      const known = d !== null && d <= ctx.asOf;
      if (pred.op === 'exists') return known;
      if (pred.op === 'missing') return !known;
      if (pred.op === 'inPeriod') return known && inPeriod(d, ctx.from, ctx.to);
      return known && 'months' in pred && d <= addMonths(ctx.asOf, -pred.months);
    }
  }
}

export interface GoalResult {
  id: string;
  title: string;
  kind: 'share' | 'count';
  target: number;
  actual: number | null;
  /** Null when hidden in a view outside the team (a small count). */
  numerator: number | null;
  /** Share goals: the population size. Count goals: the target count. */
  denominator: number | null;
  met: boolean;
  /** Numerator and denominator rounded to 5 (views outside the team). */
  rounded?: boolean;
}

export type CountFacts = Partial<Record<CountEntity, string[]>>;

/** `counted` holds count goals already counted in the database, by goal id (they win over `facts`). */
export function evaluateGoal(g: GoalDefinition, records: PathwayRecord[], facts: CountFacts, ctx: EvalContext, counted: Record<string, number> = {}): GoalResult {
  if (g.kind === 'count') {
    const n = counted[g.id] ?? (facts[g.entity as CountEntity] ?? []).filter((d: string) => inPeriod(d, g.from, g.to) && d.slice(0, 10) <= ctx.asOf).length;
    return { id: g.id, title: g.title, kind: 'count', target: g.target, actual: n, numerator: n, denominator: g.target, met: n >= g.target };
  }
  const population = records.filter((p) => matches(p, g.population, ctx));
  const numerator = population.filter((p) => matches(p, g.success, ctx)).length;
  const actual = population.length ? numerator / population.length : null;
  return { id: g.id, title: g.title, kind: 'share', target: g.target, actual, numerator, denominator: population.length, met: actual !== null && actual >= g.target };
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** "30 % (17 af 56)" for share goals, "52 af 75" for count goals. */
export function describeResult(r: GoalResult): string {
  if (r.numerator === null) return '..';
  if (r.kind === 'count') return `${r.numerator} af ${r.target}`;
  if (r.actual === null) return 'Ingen i målgruppen endnu';
  return r.rounded ? `ca. ${pct(r.actual)} (ca. ${r.numerator} af ca. ${r.denominator})` : `${pct(r.actual)} (${r.numerator} af ${r.denominator})`;
}

export function goalsTable(results: GoalResult[]): ReportTable {
  return {
    id: 'goals',
    title: 'Mål og resultater',
    columns: [
      { key: 'goal', label: 'Mål', kind: 'text' },
      { key: 'target', label: 'Mål (værdi)', kind: 'text' },
      { key: 'actual', label: 'Resultat', kind: 'text' },
      { key: 'numerator', label: 'Tæller', kind: 'count' },
      { key: 'denominator', label: 'Nævner', kind: 'count' },
      { key: 'met', label: 'Nået', kind: 'text' },
    ],
    rows: results.map((r) => ({
      key: r.id,
      cells: [r.title, r.kind === 'share' ? pct(r.target) : String(r.target), describeResult(r), r.numerator, r.denominator, r.met ? 'Ja' : 'Nej'],
    })),
  };
}
