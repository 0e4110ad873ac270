import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { HandoverFields } from '../access/channels.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const MEMBERSHIPS = ['fixed_partner', 'steering_group', 'network_member', 'occasional'] as const;
export const COMPANY_KINDS = ['training', 'hiring', 'both'] as const;
export const COMPANY_SIZES = ['1-9', '10-49', '50-249', '250+'] as const;
export const PLACEMENT_KINDS = ['trial', 'work_placement', 'wage_subsidy', 'paid_hours', 'leisure_job', 'apprenticeship', 'ordinary_job'] as const;
export const EXPERIENCE_TAGS = ['anxiety', 'autism', 'adhd', 'depression', 'substance_history', 'criminal_record', 'no_danish', 'cognitive', 'physical'] as const;
export const REQUIREMENTS = ['driving_licence', 'lifting', 'early_mornings', 'weekends', 'standing', 'danish_language', 'clean_record'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

export const Membership = lit(MEMBERSHIPS);
export const CompanyKind = lit(COMPANY_KINDS);
export const PlacementKindSchema = lit(PLACEMENT_KINDS);
const PostalCode = Type.String({ pattern: '^[0-9]{4}$' });
const Text = (max: number) => Type.String({ maxLength: max });

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const CompanyContactParams = Type.Object({ id: Type.String({ format: 'uuid' }), contactId: Type.String({ format: 'uuid' }) });

export const CompanyBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  // Checked with the modulus-11 rule in the handler, for a clear Danish message.
  cvr: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  address: Type.Optional(Nullable(Text(200))),
  postalCode: Type.Optional(Nullable(PostalCode)),
  city: Type.Optional(Nullable(Text(100))),
  industry: Type.Optional(Nullable(Text(100))),
  size: Type.Optional(Nullable(lit(COMPANY_SIZES))),
  membership: Membership,
  kind: CompanyKind,
  experienceTags: Type.Optional(Type.Array(lit(EXPERIENCE_TAGS), { maxItems: 20, uniqueItems: true })),
  notes: Type.Optional(Nullable(Text(4000))),
});
export type CompanyBody = Static<typeof CompanyBody>;
export const CompanyPatch = Type.Partial(CompanyBody);

export const CompanySummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  cvr: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  city: Nullable(Type.String()),
  industry: Nullable(Type.String()),
  membership: Membership,
  kind: CompanyKind,
  active: Type.Boolean({ description: 'A young person attached in the last 12 months' }),
  lastAttachedAt: Nullable(Type.String()),
  placements: Type.Integer(),
  hires: Type.Integer(),
  freePlaces: Type.Integer(),
});
export type CompanySummary = Static<typeof CompanySummary>;

export const ContactBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  title: Type.Optional(Nullable(Text(100))),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 30, pattern: '^[0-9 +()-]*$' }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 254, format: 'email' }))),
});
export const ContactPatch = Type.Partial(ContactBody);
export const Contact = Type.Object({
  id: Type.String(),
  name: Type.String(),
  title: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  hasLogin: Type.Boolean(),
});
export type Contact = Static<typeof Contact>;
export const LoginBody = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) });

export const OpeningBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  tasks: Type.Optional(Text(2000)),
  placementKinds: Type.Array(PlacementKindSchema, { minItems: 1, maxItems: 7, uniqueItems: true }),
  startDaysPerWeek: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
  startHoursPerDay: Type.Optional(Type.Number({ minimum: 0.1, maximum: 24 })), // stored in tenths of an hour
  maxHoursPerWeek: Type.Optional(Nullable(Type.Number({ minimum: 0.1, maximum: 80 }))),
  growth: Type.Optional(Nullable(Text(500))),
  capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 500 })),
  requirements: Type.Optional(Type.Array(lit(REQUIREMENTS), { maxItems: 10, uniqueItems: true })),
  mentorContactId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  mentorAfterHours: Type.Optional(Type.Boolean()),
  location: Type.Optional(Nullable(Text(200))),
  postalCode: Type.Optional(Nullable(PostalCode)),
  /** The first day the company can take a young person; null = a flexible start. */
  earliestStart: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  open: Type.Optional(Type.Boolean()),
});
export type OpeningBody = Static<typeof OpeningBody>;
export const OpeningPatch = Type.Partial(OpeningBody);

export const Opening = Type.Object({
  id: Type.String(),
  companyId: Type.String(),
  companyName: Type.String(),
  title: Type.String(),
  tasks: Type.String(),
  placementKinds: Type.Array(PlacementKindSchema),
  startDaysPerWeek: Type.Integer(),
  startHoursPerDay: Type.Number(),
  maxHoursPerWeek: Nullable(Type.Number()),
  growth: Nullable(Type.String()),
  capacity: Type.Integer(),
  taken: Type.Integer(),
  freePlaces: Type.Integer(),
  requirements: Type.Array(Type.String()),
  mentor: Nullable(Type.Object({ id: Type.String(), name: Type.String(), phone: Nullable(Type.String()) })),
  mentorAfterHours: Type.Boolean(),
  location: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  earliestStart: Nullable(Type.String()),
  open: Type.Boolean(),
});
export type Opening = Static<typeof Opening>;

export const CompanyDetail = Type.Composite([
  CompanySummary,
  Type.Object({
    address: Nullable(Type.String()),
    size: Nullable(Type.String()),
    experienceTags: Type.Array(Type.String()),
    notes: Nullable(Type.String()),
    contacts: Type.Array(Contact),
    openings: Type.Array(Opening),
  }),
]);
export type CompanyDetail = Static<typeof CompanyDetail>;

export const CompanyListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  membership: Type.Optional(Membership),
  active: Type.Optional(Type.Boolean()),
});

export const OpeningListQuery = Type.Object({
  freeOnly: Type.Optional(Type.Boolean()),
  kind: Type.Optional(PlacementKindSchema),
});

export const NetworkOverview = Type.Object({
  companies: Type.Integer(),
  active: Type.Integer(),
  passive: Type.Integer(),
  byMembership: Type.Array(Type.Object({ membership: Membership, total: Type.Integer(), active: Type.Integer() })),
  placementsLast12Months: Type.Integer(),
  hiresLast12Months: Type.Integer(),
  openingsWithFreePlaces: Type.Integer(),
  freePlaces: Type.Integer(),
  perCompany: Type.Array(CompanySummary),
});
export type NetworkOverview = Static<typeof NetworkOverview>;

// Network events (src/companies/events.ts).
export const EVENT_KINDS = ['network_meeting', 'kickoff', 'mentor_course', 'job_festival', 'other'] as const;
export const RSVPS = ['pending', 'yes', 'no', 'maybe'] as const;
export const EventBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  kind: lit(EVENT_KINDS),
  startsAt: Type.String({ format: 'date-time' }),
  location: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  jobsCreated: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100000 }))),
});
export const Invitation = Type.Object({
  id: Type.String(), companyId: Nullable(Type.String()), mentorId: Nullable(Type.String()), name: Type.String(),
  rsvp: lit(RSVPS), attended: Nullable(Type.Boolean()),
});
export type Invitation = Static<typeof Invitation>;
export const EventSummary = Type.Object({
  id: Type.String(), title: Type.String(), kind: lit(EVENT_KINDS), startsAt: Type.String(), location: Nullable(Type.String()),
  description: Nullable(Type.String()), jobsCreated: Nullable(Type.Integer()), invited: Type.Integer(), yes: Type.Integer(), attended: Type.Integer(),
  /** For a company contact or mentor: their own invitation. */
  myInvitation: Nullable(Invitation),
});
export type EventSummary = Static<typeof EventSummary>;
export const EventDetail = Type.Composite([EventSummary, Type.Object({ invitations: Type.Array(Invitation) })]);
export type EventDetail = Static<typeof EventDetail>;
export const InviteBody = Type.Object({
  companyIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500, uniqueItems: true })),
  mentorIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500, uniqueItems: true })),
});
export const AttendanceBody = Type.Object({
  entries: Type.Array(Type.Object({ invitationId: Type.String({ format: 'uuid' }), attended: Type.Boolean() }), { minItems: 1, maxItems: 500 }),
});
export const RsvpBody = Type.Object({ rsvp: lit(['yes', 'no', 'maybe'] as const), invitationId: Type.Optional(Type.String({ format: 'uuid' })) });
export const ParticipationHistory = Type.Array(Type.Object({
  eventId: Type.String(), title: Type.String(), kind: Type.String(), startsAt: Type.String(), rsvp: Type.String(), attended: Nullable(Type.Boolean()),
}));
export type ParticipationHistory = Static<typeof ParticipationHistory>;

// Success stories (src/companies/stories.ts).
export const StoryBody = Type.Object({
  placementId: Type.String({ format: 'uuid' }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  body: Type.String({ minLength: 1, maxLength: 4000 }),
});
export const Story = Type.Object({
  id: Type.String(), title: Type.String(), body: Type.String(), companyName: Type.String(), createdAt: Type.String(),
  /** For the team and for the young person the story is about: whether the young person has agreed to show it. */
  shared: Type.Optional(Type.Boolean()),
  youngPersonId: Type.Optional(Type.String()),
  placementId: Type.Optional(Type.String()),
});
export type Story = Static<typeof Story>;
export const StoryConsentBody = Type.Object({ granted: Type.Boolean() });

// Company contact logins (src/companies/contact-invite.ts).
export const ContactLogin = Type.Composite([Contact, Type.Object({
  ...HandoverFields,
  sentTo: Type.String(),
  /** When the one-time link stops working; null when the person already had a password and got a notice only. */
  expiresAt: Nullable(Type.String()),
})]);
export type ContactLogin = Static<typeof ContactLogin>;
