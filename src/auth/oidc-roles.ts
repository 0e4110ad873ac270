import type { Role } from '../core/policy.ts';

/** Roles that belong to municipal staff; company contacts, mentors and young people log in with a password. */
export const OIDC_ROLES: readonly Role[] = ['counsellor', 'admin', 'steering_group'];
