import { Type, type Static } from '@sinclair/typebox';
import { YoungPersonView } from '../youth/schemas.ts';
import { DateStr, Nullable, PhoneStr, Uuid } from '../lifeline/schemas.ts';

export const MENTOR_KINDS = ['company', 'volunteer', 'professional'] as const;
export const MENTOR_STATUS = ['active', 'paused', 'left'] as const;
export const CHEMISTRY = ['good', 'try_again', 'not_a_match'] as const;
const lit = <T extends readonly string[]>(xs: T) => Type.Union(xs.map((x) => Type.Literal(x)));
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });

const profileFields = {
  name: Text(120),
  phone: Nullable(PhoneStr),
  email: Nullable(Type.String({ format: 'email', maxLength: 200 })),
  userId: Nullable(Uuid),
  jobTitle: Nullable(Text(120)),
  industry: Nullable(Text(120)),
  interests: Nullable(Text(500)),
  offers: Nullable(Text(1000)),
  hoursPerMonth: Nullable(Type.Integer({ minimum: 0, maximum: 200 })),
  area: Nullable(Text(120)),
  placementId: Nullable(Uuid),
  introTalkOn: Nullable(DateStr),
  courseOn: Nullable(DateStr),
  recordCheckedOn: Nullable(DateStr),
  agreementSignedOn: Nullable(DateStr),
  status: lit(MENTOR_STATUS),
  lifelineOptIn: Type.Boolean(),
};
const { name, ...restFields } = profileFields;
export const MentorCreate = Type.Composite([Type.Object({ kind: lit(MENTOR_KINDS), name }), Type.Partial(Type.Object(restFields))]);
export type MentorCreate = Static<typeof MentorCreate>;
export const MentorPatch = Type.Partial(Type.Object(profileFields));
export type MentorPatch = Static<typeof MentorPatch>;

export const MentorView = Type.Object({
  id: Uuid, kind: Type.String(), name: Type.String(), phone: Nullable(Type.String()), email: Nullable(Type.String()),
  userId: Nullable(Type.String()), jobTitle: Nullable(Type.String()), industry: Nullable(Type.String()), interests: Nullable(Type.String()),
  offers: Nullable(Type.String()), hoursPerMonth: Nullable(Type.Integer()), area: Nullable(Type.String()), placementId: Nullable(Type.String()),
  introTalkOn: Nullable(Type.String()), courseOn: Nullable(Type.String()), recordCheckedOn: Nullable(Type.String()),
  agreementSignedOn: Nullable(Type.String()), status: Type.String(), lifelineOptIn: Type.Boolean(),
  onboardingComplete: Type.Boolean(), activeMentorships: Type.Integer(),
});
export type MentorView = Static<typeof MentorView>;
/** A login that can be linked to a mentor profile; mentorId is the profile it is linked to already, if any. */
export const MentorLogin = Type.Object({ userId: Uuid, name: Type.String(), email: Type.String(), mentorId: Nullable(Type.String()) });

export const MentorListQuery = Type.Object({
  status: Type.Optional(lit(MENTOR_STATUS)),
  kind: Type.Optional(lit(MENTOR_KINDS)),
  q: Type.Optional(Type.String({ maxLength: 100 })),
});

export const MentorshipCreate = Type.Object({ mentorId: Uuid, youngPersonId: Uuid, startedOn: DateStr });
export const FirstMeetingBody = Type.Object({ metOn: DateStr, chemistry: lit(CHEMISTRY) });
export const NoteBody = Type.Object({ metOn: DateStr, note: Type.String({ minLength: 1, maxLength: 1000 }) });
export const ReviewBody = Type.Object({ reviewedOn: DateStr, decision: lit(['extend', 'end'] as const), reason: Type.String({ minLength: 2, maxLength: 1000 }) });
export const MentorshipListQuery = Type.Object({ youngPersonId: Type.Optional(Uuid), status: Type.Optional(lit(['active', 'ended'] as const)) });

export const MentorshipView = Type.Object({
  id: Uuid, mentorId: Uuid, mentorName: Type.String(), mentorKind: Type.String(), youngPersonId: Uuid,
  mentee: YoungPersonView,
  startedOn: Type.String(), firstMeetingOn: Nullable(Type.String()), chemistry: Nullable(Type.String()),
  nextReviewOn: Type.String(), status: Type.String(), endedOn: Nullable(Type.String()), endReason: Nullable(Type.String()),
  reviews: Type.Array(Type.Object({ reviewedOn: Type.String(), decision: Type.String(), reason: Type.String() })),
  notes: Type.Array(Type.Object({ id: Uuid, metOn: Type.String(), note: Type.String(), mine: Type.Boolean() })),
});
export type MentorshipView = Static<typeof MentorshipView>;

export const ReviewDue = Type.Object({
  mentorshipId: Uuid, mentorName: Type.String(), youngPersonId: Uuid, youngPersonName: Type.String(), nextReviewOn: Type.String(), overdue: Type.Boolean(),
});
