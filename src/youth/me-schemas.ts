import { Type, type Static } from '@sinclair/typebox';
import { PlanView } from './schemas.ts';

export const MeOverview = Type.Object({
  firstName: Type.String(),
  nextAppointment: Type.Union([Type.Object({ at: Type.String(), place: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  contactPerson: Type.Union([Type.Object({ name: Type.String(), phone: Type.Union([Type.String(), Type.Null()]), email: Type.String() }), Type.Null()]),
  plan: Type.Union([PlanView, Type.Null()]),
});
export type MeOverview = Static<typeof MeOverview>;

export const SharingItem = Type.Object({
  key: Type.String(), label: Type.String(), labelEn: Type.String(), classification: Type.String(), granted: Type.Boolean(),
});
export const SharingRecipient = Type.Object({
  kind: Type.String(), id: Type.String(), label: Type.String(), purpose: Type.String(), active: Type.Boolean(), items: Type.Array(SharingItem),
});
export type SharingRecipient = Static<typeof SharingRecipient>;

export const SharingChange = Type.Object({
  recipientKind: Type.Union([Type.Literal('company'), Type.Literal('mentor'), Type.Literal('association'), Type.Literal('network')]),
  recipientId: Type.String({ format: 'uuid' }),
  item: Type.String({ minLength: 1, maxLength: 100 }),
  granted: Type.Boolean(),
});

export const AccessLogEntry = Type.Object({
  at: Type.String(), organisation: Type.Union([Type.String(), Type.Null()]), role: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(), what: Type.String(), purpose: Type.String(),
  /** The young person was one of many in a list or search ("Du stod på en liste hos …"), not opened on their own. */
  listed: Type.Boolean(),
});
export type AccessLogEntry = Static<typeof AccessLogEntry>;
