import { Type, type Static } from '@sinclair/typebox';
import { RoleSchema } from '../auth/schemas.ts';
import { STAFF_ROLES } from './roles.ts';
import { HandoverFields, InviteChannelSchema } from '../access/channels.ts';

export { STAFF_ROLES, type StaffRole } from './roles.ts';

const StaffRole = Type.Union(STAFF_ROLES.map((r) => Type.Literal(r)));

export const UserSummary = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  /** The user's role in this partnership (a user has one role per partnership). */
  role: RoleSchema,
  active: Type.Boolean(),
  /** False until the invited person has chosen a password. */
  passwordSet: Type.Boolean(),
  /** The newest successful login we know of (password login or a session start); null if none. */
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
});
export type UserSummary = Static<typeof UserSummary>;

export const UserList = Type.Object({ users: Type.Array(UserSummary) });
export type UserList = Static<typeof UserList>;

export const CreateUserBody = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  role: StaffRole,
  /** For an invitation by SMS. */
  phone: Type.Optional(Type.String({ maxLength: 30, pattern: '^[0-9 +()-]*$' })),
  /** E-mail (default when set up), SMS, or a link the administrator copies or shows as a QR code. */
  channel: Type.Optional(InviteChannelSchema),
});
export type CreateUserBody = Static<typeof CreateUserBody>;

export const CreateUserResponse = Type.Object({ user: UserSummary, sentTo: Type.String(), expiresAt: Type.String(), ...HandoverFields });
export type CreateUserResponse = Static<typeof CreateUserResponse>;

export const UpdateUserBody = Type.Object({
  role: Type.Optional(StaffRole),
  active: Type.Optional(Type.Boolean()),
}, { minProperties: 1 });
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** An administrator's explicit link of a staff user to their account at the municipality's login (src/users/oidc-link.ts); null removes it. */
export const OidcLinkBody = Type.Object({
  subject: Type.Union([Type.String({ minLength: 1, maxLength: 255, description: 'The provider\'s subject (sub) for the user, from the municipality\'s user directory' }), Type.Null()]),
});
export type OidcLinkBody = Static<typeof OidcLinkBody>;
export const OidcLinkResponse = Type.Object({ subject: Type.Union([Type.String(), Type.Null()]) });
