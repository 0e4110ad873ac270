import { Type, type Static } from '@sinclair/typebox';
import { ROLES } from '../core/policy.ts';

export const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));

export const LoginBody = Type.Object({
  email: Type.String({ minLength: 3, maxLength: 254 }),
  password: Type.String({ minLength: 1, maxLength: 1024 }),
  /** The 6-digit code from the authenticator app, for users with two-factor login (src/auth/totp.ts). */
  code: Type.Optional(Type.String({ maxLength: 12 })),
  /** "Husk denne telefon": a 30-day session bound to this device; honoured for company contacts only (src/auth/trusted-devices.ts). */
  rememberDevice: Type.Optional(Type.Boolean()),
  /** Completes a pending link to the municipality's login started in this browser (src/auth/oidc-link.ts). */
  linkOidc: Type.Optional(Type.Boolean()),
});
export type LoginBody = Static<typeof LoginBody>;

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

/** A remembered device ("husk denne telefon") in /settings. An empty label means the device could not be named. */
export const TrustedDevice = Type.Object({
  id: Type.String({ format: 'uuid' }),
  label: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
  /** This browser. */
  current: Type.Boolean(),
});
export const TrustedDeviceList = Type.Object({
  /** Whether this user may use "husk denne telefon" at all (company contacts only). */
  available: Type.Boolean(),
  devices: Type.Array(TrustedDevice),
});
export type TrustedDeviceList = Static<typeof TrustedDeviceList>;
export const DeviceIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The TOTP code that finishes a sign-in with the municipality's login for a user with two-factor login. */
export const OidcCodeBody = Type.Object({ code: Type.String({ pattern: '^\\d{6}$', description: 'The 6-digit code from the authenticator app' }) });
export type OidcCodeBody = Static<typeof OidcCodeBody>;
