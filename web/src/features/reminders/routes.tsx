import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute } from '../../app/registry.ts';

/** The roles that may choose their reminder channels (reminders.preferences); linked from the header. */
export const SETTINGS_ROLES = ['counsellor', 'company_contact', 'volunteer_mentor', 'association_contact', 'young_person', 'steering_group', 'admin'] as const;

export const routes: AppRoute[] = [{ path: '/settings', element: lazyPage(() => import('./SettingsPage.tsx'), 'SettingsPage'), roles: SETTINGS_ROLES }];
