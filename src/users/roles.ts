/**
 * The roles an administrator hands out in user administration; logins for young
 * people, company contacts and mentors come from their own features. No imports:
 * the web client takes the list from here.
 */
export const STAFF_ROLES = ['counsellor', 'admin', 'steering_group', 'association_contact'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];
