import type { Role } from './policy.ts';

/** The logged-in user a request carries (read from the session by the app's request hook). */
export interface SessionUser {
  sessionHash: string;
  userId: string;
  name: string;
  email: string;
  locale: string;
  partnershipId: string | null;
  role: Role | null;
  csrfToken: string;
  /** Set when the session is bound to a remembered device: the hash of that device's cookie. */
  deviceHash?: string | null;
}
