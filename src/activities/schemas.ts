import { Type } from '@sinclair/typebox';
import { DateStr, Nullable, TimeStr, Uuid } from '../lifeline/schemas.ts';

export const ACTIVITY_KINDS = ['network_meeting', 'fitness', 'sport', 'meal', 'other'] as const;
const lit = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x)));

export const AssociationBody = Type.Object({ name: Type.String({ minLength: 1, maxLength: 120 }), contactUserId: Type.Optional(Nullable(Uuid)) });
export const AssociationView = Type.Object({ id: Uuid, name: Type.String(), contactUserId: Nullable(Type.String()), contactName: Nullable(Type.String()) });

export const ScheduleBody = Type.Object({
  weekday: Type.Integer({ minimum: 1, maximum: 7, description: '1 = mandag … 7 = søndag' }),
  start: TimeStr, end: TimeStr, validFrom: DateStr, validUntil: Type.Optional(Nullable(DateStr)),
});
export const ScheduleView = Type.Object({
  id: Uuid, weekday: Type.Integer(), start: Type.String(), end: Type.String(), validFrom: Type.String(), validUntil: Nullable(Type.String()),
});

export const ActivityBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  kind: lit(ACTIVITY_KINDS),
  associationId: Type.Optional(Nullable(Uuid)),
  place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  leaderUserId: Type.Optional(Nullable(Uuid)),
  schedules: Type.Optional(Type.Array(ScheduleBody, { maxItems: 7 })),
});

/** Editing an activity's details; the schedules and cancellations have their own routes. */
export const ActivityPatch = Type.Partial(Type.Object({
  name: ActivityBody.properties.name, kind: ActivityBody.properties.kind, associationId: Nullable(Uuid),
  place: Nullable(Type.String({ maxLength: 200 })), description: Nullable(Type.String({ maxLength: 2000 })),
}), { minProperties: 1 });
export const ScheduleParams = Type.Object({ id: Uuid, scheduleId: Uuid });

export const OccurrenceView = Type.Object({
  date: Type.String(), start: Type.String(), end: Type.String(), startsAt: Type.String(), endsAt: Type.String(),
  cancelled: Type.Boolean(), reason: Nullable(Type.String()),
});

export const ActivityView = Type.Object({
  id: Uuid, name: Type.String(), kind: Type.String(), associationId: Nullable(Type.String()), associationName: Nullable(Type.String()),
  place: Nullable(Type.String()), description: Nullable(Type.String()), leaderUserId: Nullable(Type.String()), leaderName: Nullable(Type.String()),
  schedules: Type.Array(ScheduleView), next: Type.Array(OccurrenceView), signedUp: Type.Boolean(), iLead: Type.Boolean(), signups: Type.Integer(),
});

export const CancelBody = Type.Object({ date: DateStr, start: TimeStr, reason: Type.Optional(Type.String({ maxLength: 300 })) });
export const SignupBody = Type.Object({ youngPersonId: Type.Optional(Uuid) });
export const OccurrenceQuery = Type.Object({ date: DateStr, start: TimeStr });
export const RangeQuery = Type.Object({ from: Type.Optional(DateStr), days: Type.Integer({ minimum: 1, maximum: 120, default: 28 }) });

export const RosterView = Type.Object({
  activityId: Uuid, activityName: Type.String(), date: Type.String(), start: Type.String(), cancelled: Type.Boolean(),
  people: Type.Array(Type.Object({ youngPersonId: Uuid, firstName: Type.String(), present: Nullable(Type.Boolean()) })),
});
export const AttendanceBody = Type.Object({
  date: DateStr, start: TimeStr,
  marks: Type.Array(Type.Object({ youngPersonId: Uuid, present: Type.Boolean() }), { minItems: 1, maxItems: 200 }),
});

export const TrendView = Type.Object({
  activityId: Uuid, activityName: Type.String(), held: Type.Integer(), attended: Type.Integer(), slippingAway: Type.Boolean(),
  lastAttended: Nullable(Type.String()),
  trend: Type.Array(Type.Object({ from: Type.String(), held: Type.Integer(), attended: Type.Integer() })),
});
/** all=true: the whole partnership, not only the counsellor's own young people. */
export const SlippingQuery = Type.Object({ all: Type.Optional(Type.Boolean()) });
export const SlippingView = Type.Object({
  youngPersonId: Uuid, name: Type.String(), activityId: Uuid, activityName: Type.String(), lastAttended: Nullable(Type.String()),
});

/** A link to a young person's calendar as they see it on their own page (GET /api/me/calendar-feeds; issue #22). */
export const OwnFeedView = Type.Object({
  id: Uuid, createdAt: Type.String(), madeBy: Type.Union([Type.Literal('self'), Type.Literal('counsellor'), Type.Literal('other')]), live: Type.Boolean(),
});
/** A calendar link as made, listed or rotated; `url` only in the answer that made or rotated it. */
export const FeedView = Type.Object({ id: Uuid, kind: Type.String(), subjectId: Uuid, title: Type.String(), createdAt: Type.String(), url: Type.Optional(Type.String()) });
