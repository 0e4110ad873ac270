import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { READINESS } from './types.ts';

const DateStr = Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const lits = <const T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x))) as unknown as TSchema & { static: T[number] };

export const ReportQuerySchema = Type.Object({
  from: Type.Optional(DateStr),
  to: Type.Optional(DateStr),
  asOf: Type.Optional(DateStr),
  counsellorId: Type.Optional(Type.String({ format: 'uuid' })),
  ageBand: Type.Optional(lits(['15-17', '18-24', '25-29'])),
  readiness: Type.Optional(lits([...READINESS, 'unknown'])),
  /** The team may preview what the steering group sees. */
  view: Type.Optional(lits(['team', 'suppressed'])),
});
export type ReportQuerySchema = Static<typeof ReportQuerySchema>;

export const ExportQuerySchema = Type.Object({
  ...ReportQuerySchema.properties,
  format: lits(['csv', 'xlsx', 'pdf']),
  separator: Type.Optional(lits(['comma', 'semicolon'])),
  /** Comma-separated table ids; all tables when left out. */
  tables: Type.Optional(Type.String({ pattern: '^[a-z0-9_,]{1,400}$' })),
});

const Cell = Type.Union([Type.String(), Type.Number(), Type.Null()]);
export const ReportTableSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  columns: Type.Array(Type.Object({ key: Type.String(), label: Type.String(), kind: lits(['text', 'count', 'share', 'number', 'days']) })),
  rows: Type.Array(Type.Object({
    key: Type.String(),
    cells: Type.Array(Cell),
    suppressed: Type.Optional(Type.Array(Type.Boolean())),
    level: Type.Optional(Type.Integer()),
  })),
  note: Type.Optional(Type.String()),
});
export type ReportTableView = Static<typeof ReportTableSchema>;

export const KeyFigureSchema = Type.Object({
  key: Type.String(),
  label: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()]),
  kind: lits(['count', 'share', 'days']),
  suppressed: Type.Optional(Type.Boolean()),
  insensitive: Type.Optional(Type.Boolean()),
});

export const GoalResultSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: lits(['share', 'count']),
  target: Type.Number(),
  actual: Type.Union([Type.Number(), Type.Null()]),
  numerator: Type.Union([Type.Number(), Type.Null()]),
  denominator: Type.Union([Type.Number(), Type.Null()]),
  met: Type.Boolean(),
  rounded: Type.Optional(Type.Boolean()),
});

export const ReportBundleSchema = Type.Object({
  partnership: Type.Object({ id: Type.String(), name: Type.String() }),
  period: Type.Object({ from: Type.String(), to: Type.String(), asOf: Type.String() }),
  filters: Type.Object({ counsellorId: Type.Optional(Type.String()), ageBand: Type.Optional(Type.String()), readiness: Type.Optional(Type.String()) }),
  view: lits(['team', 'suppressed']),
  threshold: Type.Integer(),
  keyFigures: Type.Array(KeyFigureSchema),
  tables: Type.Array(ReportTableSchema),
  monthlyStarts: Type.Array(Type.Object({ month: Type.String(), count: Type.Union([Type.Number(), Type.Null()]) })),
  goals: Type.Array(GoalResultSchema),
  missing: Type.Array(Type.String()),
});
export type ReportBundleView = Static<typeof ReportBundleSchema>;

export const KeyFiguresSchema = Type.Object({
  partnership: Type.Object({ id: Type.String(), name: Type.String() }),
  period: Type.Object({ from: Type.String(), to: Type.String(), asOf: Type.String() }),
  view: lits(['team', 'suppressed']),
  keyFigures: Type.Array(KeyFigureSchema),
  goals: Type.Array(GoalResultSchema),
});
export type KeyFiguresView = Static<typeof KeyFiguresSchema>;

export const GoalSettingsSchema = Type.Object({
  goals: Type.Array(Type.Unknown(), { maxItems: 50 }),
  suppressionThreshold: Type.Integer({ minimum: 3, maximum: 20 }),
});
export type GoalSettings = Static<typeof GoalSettingsSchema>;
/** Goals as stored (validated by GoalDefinitions in goals.ts on write; a recursive schema cannot be a response schema twice). */
export const GoalSettingsResponse = Type.Object({ goals: Type.Array(Type.Unknown()), suppressionThreshold: Type.Integer() });

/** One goal definition (a share or count goal, GoalDefinition in goals.ts), checked field by field on write. */
export const GoalBody = Type.Unknown({ description: 'A programme goal: { kind: "share", title, target (0–1), population, success } or { kind: "count", title, target, entity, from, to }; id optional on create.' });

/** The partnership's counsellors, for the report filter. */
export const ReportCounsellors = Type.Array(Type.Object({ id: Type.String(), name: Type.String() }));
