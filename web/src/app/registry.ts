/**
 * The contract between the app shell and the feature folders.
 *
 * Each feature owns `web/src/features/<feature>/routes.tsx`, found automatically
 * (no registration needed). It exports:
 *
 *   export const routes: AppRoute[] = [
 *     { path: '/youth', element: <YouthListPage />, roles: ['counsellor', 'admin'] },
 *     { path: '/youth/:id', element: <YoungPersonPage />, roles: ['counsellor', 'admin', 'young_person'] },
 *   ];
 *   export const navItems: NavItem[] = [      // optional: entries in the main navigation
 *     { to: '/youth', labelKey: 'youth:nav.caseload', roles: ['counsellor', 'admin'], order: 10 },
 *   ];
 *   export const startWidgets: StartWidget[] = [   // optional: panels on the role start pages
 *     { roles: ['counsellor'], element: <CaseloadWidget />, order: 10 },
 *   ];
 *
 * - `path` is absolute ('/youth/:id', react-router syntax). Routes render inside
 *   the shell (header, navigation, footer) and only for a logged-in user whose
 *   current role is in `roles`; others see a "no access" page.
 * - `labelKey` is an i18n key in the feature's namespace: the feature folder name,
 *   then a colon ('youth:nav.caseload' reads web/src/features/youth/i18n/da.json →
 *   { "nav": { "caseload": "…" } }). Common strings have no prefix.
 * - `order`: lower comes first (navigation left to right, widgets top to bottom).
 * - A start widget is a small self-contained component (fetches its own data,
 *   shows its own heading as <h2>). The start page already has the <h1>.
 * - Inside a page use `useSession()` from '../../app/session.tsx' for the user,
 *   role and partnership, `api` from '../../api/client.ts' for calls, and
 *   `PageTitle` from '../../components/PageTitle.tsx' for the <h1> + document.title.
 */
import type { ReactNode } from 'react';
import type { Role } from '../../../src/core/policy.ts';

export type { Role };

export interface AppRoute {
  /** Absolute react-router path, e.g. '/companies/:id'. */
  path: string;
  element: ReactNode;
  /** Roles that may open the page. */
  roles: readonly Role[];
  /** Open to everyone, logged in or not (e.g. the public catalog); `roles` is then ignored. */
  public?: boolean;
}

export interface NavItem {
  /** Target path, e.g. '/companies'. */
  to: string;
  /** i18n key, namespaced by feature folder: 'companies:nav.list'. */
  labelKey: string;
  roles: readonly Role[];
  /** Lower comes first. */
  order: number;
}

export interface StartWidget {
  roles: readonly Role[];
  element: ReactNode;
  /** Lower comes first. */
  order: number;
}

/** What a feature's routes.tsx module exports. */
export interface FeatureModule {
  routes?: AppRoute[];
  navItems?: NavItem[];
  startWidgets?: StartWidget[];
}
