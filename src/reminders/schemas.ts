import { Type } from '@sinclair/typebox';

/** How a user's own reminders arrive. */
export const Preferences = Type.Object({ byEmail: Type.Boolean(), bySms: Type.Boolean() });
export const PreferencesView = Type.Composite([Preferences, Type.Object({ email: Type.String(), phone: Type.Union([Type.String(), Type.Null()]) })]);
export const GuardianBody = Type.Object({ enabled: Type.Boolean(), byEmail: Type.Boolean(), bySms: Type.Boolean() });
/** The guardian reminder setting with the guardian's contact on the record (where the reminders go). */
export const GuardianView = Type.Composite([GuardianBody, Type.Object({
  under18: Type.Boolean(), guardianName: Type.Union([Type.String(), Type.Null()]),
  guardianEmail: Type.Union([Type.String(), Type.Null()]), guardianPhone: Type.Union([Type.String(), Type.Null()]),
})]);
