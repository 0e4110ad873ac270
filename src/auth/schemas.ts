import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../core/policy.ts';

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const LoginBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
  /** The 6-digit code from the authenticator app, for users with two-factor login (src/auth/totp.ts). */
  code: Type.Optional(Type.String({ maxLength: 12 })),
});

export const SessionInfo = Type.Object({
  user: Type.Object({ id: Type.String(), name: Type.String(), email: Type.String(), locale: Type.String() }),
  partnership: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  role: Type.Union([RoleSchema, Type.Null()]),
  memberships: Type.Array(
    Type.Object({ partnershipId: Type.String(), partnershipName: Type.String(), role: RoleSchema }),
  ),
  csrfToken: Type.String(),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const SwitchPartnershipBody = Type.Object({ partnershipId: Type.String({ format: 'uuid' }) });

export const ErrorResponse = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  }),
});

/** Which ways of logging in this installation offers (the login page shows the matching buttons). */
export const AuthMethods = Type.Object({ password: Type.Boolean(), oidc: Type.Boolean() });
export type AuthMethods = Static<typeof AuthMethods>;

/** Where to send the browser to sign in with the municipality's login. */
export const OidcStartResponse = Type.Object({ url: Type.String() });
export type OidcStartResponse = Static<typeof OidcStartResponse>;

/** The query string the identity provider sent the browser back with (`?code=…&state=…`). */
export const OidcCallbackBody = Type.Object({ search: Type.String({ minLength: 1, maxLength: 8192 }) });
export type OidcCallbackBody = Static<typeof OidcCallbackBody>;
