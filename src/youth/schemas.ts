import { Type, type Static, type TBoolean, type TInteger, type TSchema } from '@sinclair/typebox';
import { BARRIERS, CASELOAD_PAGE_SIZE, EDUCATIONS, GOAL_STATUS, JOURNAL_KINDS, OUTCOMES, READINESS, REFERRAL_SOURCES, STAGES, TRANSPORT, AFTER_HOURS_MENTOR } from './domain.ts';

const Enum = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v))) as unknown as TSchema & { static: T[number] };
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
/**
 * A nullable number or yes/no in a request body. The server's Ajv coerces types,
 * and anyOf [x, null] would turn a null into 0 or false (and [null, x] a 0 or false
 * into null); OpenAPI 3.0's `nullable` keeps exactly what was sent.
 */
const NullableValue = <T extends TInteger | TBoolean>(t: T) => Type.Unsafe<Static<T> | null>({ ...t, nullable: true });
const Date_ = Type.String({ format: 'date' });
const Text = (max = 200) => Type.String({ maxLength: max });
const Phone = Type.String({ pattern: '^\\+?[0-9 ]{8,15}$', maxLength: 20 });
const Email = Type.String({ format: 'email', maxLength: 254 });

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const EntryParams = Type.Object({ id: Type.String({ format: 'uuid' }), entryId: Type.String({ format: 'uuid' }) });

export const YouthListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  stage: Type.Optional(Enum(STAGES)),
  readiness: Type.Optional(Enum(READINESS)),
  overdue: Type.Optional(Type.Boolean()),
  noContactDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  mine: Type.Optional(Type.Boolean()),
  /** Keyset paging: the id of the last young person of the previous page. */
  after: Type.Optional(Type.String({ format: 'uuid' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: CASELOAD_PAGE_SIZE }),
});

export const YoungPersonSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  firstName: Type.String(),
  lastName: Type.String(),
  birthDate: Date_,
  age: Type.Integer(),
  counsellorId: Nullable(Type.String()),
  stage: Type.String(),
  readiness: Nullable(Type.String()),
  nextFollowUp: Nullable(Date_),
  lastContactAt: Nullable(Type.String()),
});
export type YoungPersonSummary = Static<typeof YoungPersonSummary>;

const IntakeFields = {
  referralSource: Enum(REFERRAL_SOURCES),
  firstName: Type.String({ minLength: 1, maxLength: 100 }),
  lastName: Type.String({ minLength: 1, maxLength: 100 }),
  birthDate: Date_,
  municipalCaseRef: Nullable(Text(50)),
  phone: Nullable(Phone),
  email: Nullable(Email),
  address: Nullable(Text(200)),
  postalCode: Nullable(Type.String({ pattern: '^[0-9]{4}$' })),
  guardianName: Nullable(Text(200)),
  guardianPhone: Nullable(Phone),
  guardianEmail: Nullable(Email),
  preferredContactTimes: Nullable(Text(200)),
  counsellorId: Nullable(Type.String({ format: 'uuid' })),
  nextFollowUp: Nullable(Date_),
  nextAppointmentAt: Nullable(Type.String({ format: 'date-time' })),
  nextAppointmentPlace: Nullable(Text(200)),
};
export const IntakeBody = Type.Object({
  referralSource: IntakeFields.referralSource,
  firstName: IntakeFields.firstName,
  lastName: IntakeFields.lastName,
  birthDate: IntakeFields.birthDate,
  ...Object.fromEntries(Object.entries(IntakeFields).filter(([k]) => !['referralSource', 'firstName', 'lastName', 'birthDate'].includes(k)).map(([k, v]) => [k, Type.Optional(v)])),
});
export type IntakeBody = Static<typeof IntakeBody> & Partial<{ [K in keyof typeof IntakeFields]: Static<(typeof IntakeFields)[K]> }>;

export const UpdateBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  ...Object.fromEntries(Object.entries(IntakeFields).map(([k, v]) => [k, Type.Optional(v)])),
});
export type UpdateBody = { version: number } & Partial<{ [K in keyof typeof IntakeFields]: Static<(typeof IntakeFields)[K]> }>;

export const ScreeningView = Type.Object({
  version: Type.Optional(Type.Integer()),
  createdAt: Type.Optional(Type.String()),
  readiness: Type.Optional(Nullable(Type.String())),
  strengths: Type.Optional(Type.Array(Type.String())),
  interests: Type.Optional(Type.Array(Type.String())),
  wishes: Type.Optional(Nullable(Type.String())),
  daysPerWeek: Type.Optional(Nullable(Type.Integer())),
  hoursPerDay: Type.Optional(Nullable(Type.Integer())),
  earliestStart: Type.Optional(Nullable(Type.String())),
  transport: Type.Optional(Type.Array(Type.String())),
  maxTravelMinutes: Type.Optional(Nullable(Type.Integer())),
  canDoEarlyMornings: Type.Optional(Nullable(Type.Boolean())),
  canLift: Type.Optional(Nullable(Type.Boolean())),
  afterHoursMentor: Type.Optional(Nullable(Type.String())),
  barrierNote: Type.Optional(Nullable(Type.String())),
  healthNote: Type.Optional(Nullable(Type.String())),
  barriers: Type.Optional(Type.Array(Type.String())),
  createdByName: Type.Optional(Nullable(Type.String())),
});

const opt = <T extends TSchema>(t: T) => Type.Optional(Nullable(t));
export const YoungPersonView = Type.Object({
  id: Type.Optional(Type.String()), firstName: Type.Optional(Type.String()), lastName: Type.Optional(Type.String()),
  birthDate: Type.Optional(Type.String()), age: Type.Optional(Type.Integer()),
  phone: opt(Type.String()), email: opt(Type.String()), address: opt(Type.String()), postalCode: opt(Type.String()),
  preferredContactTimes: opt(Type.String()), guardianName: opt(Type.String()), guardianPhone: opt(Type.String()),
  guardianEmail: opt(Type.String()), referralSource: Type.Optional(Type.String()), municipalCaseRef: opt(Type.String()),
  counsellorId: opt(Type.String()), stage: Type.Optional(Type.String()), outcome: opt(Type.String()),
  outcomeEducation: opt(Type.String()), outcomeDate: opt(Type.String()), nextFollowUp: opt(Type.String()),
  nextAppointmentAt: opt(Type.String()), nextAppointmentPlace: opt(Type.String()), lastContactAt: opt(Type.String()),
  version: Type.Optional(Type.Integer()), screening: Type.Optional(Nullable(ScreeningView)),
});
export type YoungPersonView = Static<typeof YoungPersonView>;

export const ScreeningBody = Type.Object({
  /** The version the counsellor started from (0 for the first screening): a stale one gives 409. */
  baseVersion: Type.Integer({ minimum: 0 }),
  barriers: Type.Array(Enum(BARRIERS), { maxItems: BARRIERS.length, uniqueItems: true }),
  barrierNote: Type.Optional(Nullable(Text(2000))),
  healthNote: Type.Optional(Nullable(Text(2000))),
  strengths: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 }),
  interests: Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 30 }),
  wishes: Type.Optional(Nullable(Text(2000))),
  daysPerWeek: Type.Optional(NullableValue(Type.Integer({ minimum: 0, maximum: 7 }))),
  hoursPerDay: Type.Optional(NullableValue(Type.Integer({ minimum: 0, maximum: 24 }))),
  earliestStart: Type.Optional(Nullable(Date_)),
  transport: Type.Array(Enum(TRANSPORT), { maxItems: TRANSPORT.length, uniqueItems: true }),
  maxTravelMinutes: Type.Optional(NullableValue(Type.Integer({ minimum: 0, maximum: 600 }))),
  /** Matching: null = not asked (no limit / neutral). */
  canDoEarlyMornings: Type.Optional(NullableValue(Type.Boolean())),
  canLift: Type.Optional(NullableValue(Type.Boolean())),
  afterHoursMentor: Type.Optional(Nullable(Enum(AFTER_HOURS_MENTOR))),
  readiness: Nullable(Enum(READINESS)),
});
export type ScreeningBody = Static<typeof ScreeningBody>;

const Goal = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 300 }),
  dueDate: Nullable(Date_),
  status: Enum(GOAL_STATUS),
  subGoals: Type.Array(Type.Object({
    title: Type.String({ minLength: 1, maxLength: 300 }),
    dueDate: Nullable(Date_),
    status: Enum(GOAL_STATUS),
  }), { maxItems: 30 }),
});
const Agreement = Type.Object({
  who: Type.String({ minLength: 1, maxLength: 200 }),
  what: Type.String({ minLength: 1, maxLength: 500 }),
  byWhen: Nullable(Date_),
  meetingDate: Nullable(Date_),
});
export const PlanBody = Type.Object({
  baseVersion: Type.Integer({ minimum: 0 }),
  contactPersonId: Nullable(Type.String({ format: 'uuid' })),
  summary: Nullable(Text(2000)),
  goals: Type.Array(Goal, { maxItems: 30 }),
  agreements: Type.Array(Agreement, { maxItems: 50 }),
});
export type PlanBody = Static<typeof PlanBody>;
export const PlanView = Type.Object({
  version: Type.Integer(),
  contactPerson: Nullable(Type.Object({ id: Type.String(), name: Type.String(), phone: Nullable(Type.String()), email: Type.String() })),
  summary: Nullable(Type.String()),
  goals: Type.Array(Goal),
  agreements: Type.Array(Agreement),
  createdAt: Type.String(),
});
export type PlanView = Static<typeof PlanView>;
export const PlanResponse = Type.Object({ plan: Nullable(PlanView), history: Type.Array(Type.Object({ version: Type.Integer(), createdAt: Type.String(), createdByName: Nullable(Type.String()) })) });

export const PathwayBody = Type.Union([
  Type.Object({ action: Type.Literal('stage'), version: Type.Integer({ minimum: 1 }), toStage: Enum(STAGES.filter((s) => s !== 'ended')), note: Type.Optional(Text(1000)) }),
  Type.Object({
    action: Type.Literal('end'), version: Type.Integer({ minimum: 1 }), outcome: Enum(OUTCOMES), outcomeEducation: Type.Optional(Nullable(Enum(EDUCATIONS))),
    outcomeDate: Date_, note: Type.Optional(Text(1000)),
  }),
  Type.Object({ action: Type.Literal('reopen'), version: Type.Integer({ minimum: 1 }), toStage: Enum(STAGES.filter((s) => s !== 'ended')), note: Type.String({ minLength: 1, maxLength: 1000 }) }),
]);
export type PathwayBody = Static<typeof PathwayBody>;
export const PathwayEvent = Type.Object({
  kind: Type.String(), fromStage: Nullable(Type.String()), toStage: Type.String(), outcome: Nullable(Type.String()),
  outcomeEducation: Nullable(Type.String()), outcomeDate: Nullable(Type.String()), note: Nullable(Type.String()),
  changedByName: Nullable(Type.String()), changedAt: Type.String(),
});

export const JournalBody = Type.Object({
  kind: Enum(JOURNAL_KINDS),
  occurredOn: Date_,
  sensitivity: Enum(['ordinary', 'special'] as const),
  body: Type.String({ minLength: 1, maxLength: 10000 }),
});
export type JournalBody = Static<typeof JournalBody>;
export const JournalCorrectionBody = Type.Composite([JournalBody, Type.Object({ baseVersion: Type.Integer({ minimum: 1 }) })]);
export type JournalCorrectionBody = Static<typeof JournalCorrectionBody>;
export const JournalVersion = Type.Object({
  id: Type.String(), entryId: Type.String(), version: Type.Integer(), kind: Type.String(), occurredOn: Type.String(),
  sensitivity: Type.String(), body: Type.String(), authorName: Nullable(Type.String()), createdAt: Type.String(),
});
export const JournalEntry = Type.Composite([JournalVersion, Type.Object({ earlier: Type.Array(JournalVersion) })]);

export const FollowUpItem = Type.Object({ id: Type.String(), firstName: Type.String(), lastName: Type.String(), nextFollowUp: Date_, stage: Type.String() });
export const FollowUps = Type.Object({ overdue: Type.Array(FollowUpItem), today: Type.Array(FollowUpItem), thisWeek: Type.Array(FollowUpItem) });

export const Counsellor = Type.Object({ id: Type.String(), name: Type.String() });


/** Intake's check for a likely duplicate, before the counsellor saves. */
export const DuplicateQuery = Type.Object({
  firstName: Type.String({ minLength: 1, maxLength: 100 }),
  lastName: Type.String({ minLength: 1, maxLength: 100 }),
  birthDate: Date_,
  phone: Type.Optional(Type.String({ maxLength: 20 })),
  email: Type.Optional(Type.String({ maxLength: 254 })),
});
export const LikelyDuplicate = Type.Object({ id: Type.String(), firstName: Type.String(), lastName: Type.String(), birthDate: Date_ });
