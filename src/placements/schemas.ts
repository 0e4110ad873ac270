import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PlacementKindSchema } from '../companies/schemas.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const DateStr = Type.String({ format: 'date' });

export const STATUSES = ['planned', 'active', 'paused', 'ended'] as const;
export const END_REASONS = ['hired', 'education', 'ended_as_planned', 'breakdown'] as const;
export const BREAKDOWN_CAUSES = ['match', 'expectations', 'follow_up', 'health', 'other'] as const;
export const ATTENDANCE = ['present', 'absent', 'sick', 'late'] as const;
export type AttendanceStatus = (typeof ATTENDANCE)[number];

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const YoungPersonParams = Type.Object({ youngPersonId: Type.String({ format: 'uuid' }) });

export const ScheduleStep = Type.Object({
  validFrom: DateStr,
  weekdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7, uniqueItems: true }),
  hoursPerDay: Type.Number({ minimum: 0.1, maximum: 24 }), // stored in tenths of an hour
});
export type ScheduleStep = Static<typeof ScheduleStep>;

export const PlacementCreate = Type.Object({
  youngPersonId: Type.String({ format: 'uuid' }),
  openingId: Type.String({ format: 'uuid' }),
  kind: PlacementKindSchema,
  startDate: DateStr,
  endDate: Type.Optional(Nullable(DateStr)),
  status: Type.Optional(lit(['planned', 'active'] as const)),
  previousPlacementId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  mentorContactId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  schedule: Type.Optional(Type.Omit(ScheduleStep, ['validFrom'])),
});
export type PlacementCreate = Static<typeof PlacementCreate>;

export const PlacementPatch = Type.Object({
  status: Type.Optional(lit(['planned', 'active', 'paused'] as const)),
  endDate: Type.Optional(Nullable(DateStr)),
  mentorContactId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
});

export const PlacementEnd = Type.Object({
  endDate: DateStr,
  endReason: lit(END_REASONS),
  breakdownCause: Type.Optional(lit(BREAKDOWN_CAUSES)),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type PlacementEnd = Static<typeof PlacementEnd>;

const WeekStability = Type.Object({
  week: Type.String({ description: 'ISO week, e.g. 2026-W47' }),
  planned: Type.Integer(),
  met: Type.Integer(),
  unregistered: Type.Integer(),
  share: Nullable(Type.Number()),
});
export const Stability = Type.Object({
  weeks: Type.Array(WeekStability),
  falling: Type.Boolean(),
  reason: Nullable(Type.String()),
});
export type Stability = Static<typeof Stability>;

export const Placement = Type.Object({
  id: Type.String(),
  youngPersonId: Type.String(),
  youngPersonName: Type.String(),
  companyId: Type.String(),
  companyName: Type.String(),
  openingId: Type.String(),
  openingTitle: Type.String(),
  previousPlacementId: Nullable(Type.String()),
  kind: PlacementKindSchema,
  startDate: Type.String(),
  endDate: Nullable(Type.String()),
  status: lit(STATUSES),
  endReason: Nullable(lit(END_REASONS)),
  breakdownCause: Nullable(lit(BREAKDOWN_CAUSES)),
  endNote: Nullable(Type.String()),
  mentor: Nullable(Type.Object({ id: Type.String(), name: Type.String(), phone: Nullable(Type.String()) })),
  schedule: Type.Array(ScheduleStep),
});
export type Placement = Static<typeof Placement>;

export const PlacementDetail = Type.Composite([Placement, Type.Object({ stability: Stability })]);

export const LadderStep = Type.Object({
  id: Type.String(),
  companyName: Type.String(),
  openingTitle: Type.String(),
  kind: PlacementKindSchema,
  startDate: Type.String(),
  endDate: Nullable(Type.String()),
  status: lit(STATUSES),
  endReason: Nullable(lit(END_REASONS)),
  previousPlacementId: Nullable(Type.String()),
  hoursPerWeekNow: Nullable(Type.Number()),
});
export type LadderStep = Static<typeof LadderStep>;
export const Ladder = Type.Object({ youngPersonId: Type.String(), steps: Type.Array(LadderStep) });
export type Ladder = Static<typeof Ladder>;

export const PlacementListQuery = Type.Object({
  companyId: Type.Optional(Type.String({ format: 'uuid' })),
  youngPersonId: Type.Optional(Type.String({ format: 'uuid' })),
  status: Type.Optional(lit(STATUSES)),
});

export const AttendanceEntry = Type.Object({ placementId: Type.String({ format: 'uuid' }), status: lit(ATTENDANCE) });
export const AttendanceBody = Type.Object({
  day: DateStr,
  entries: Type.Array(AttendanceEntry, { minItems: 1, maxItems: 100 }),
});
export type AttendanceBody = Static<typeof AttendanceBody>;
export const AttendanceRow = Type.Object({ placementId: Type.String(), day: Type.String(), status: lit(ATTENDANCE) });

export const ConcernBody = Type.Object({
  message: Type.String({ minLength: 1, maxLength: 1000 }),
  callMe: Type.Boolean({ description: '"Ring til mig": the contact wants a call back' }),
});

export const Task = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  body: Nullable(Type.String()),
  youngPersonId: Nullable(Type.String()),
  placementId: Nullable(Type.String()),
  assigneeId: Nullable(Type.String()),
  createdByName: Nullable(Type.String()),
  createdAt: Type.String(),
  dueAt: Nullable(Type.String()),
  doneAt: Nullable(Type.String()),
});
export type Task = Static<typeof Task>;
