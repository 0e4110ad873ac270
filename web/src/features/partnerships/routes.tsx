import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';

export const routes: AppRoute[] = [
  // An installation administrator may have no partnership (and so no role): the page checks the flag itself.
  { path: '/installation', element: lazyPage(() => import('./InstallationPage.tsx'), 'InstallationPage'), roles: [], public: true },
  { path: '/admin/partnership', element: lazyPage(() => import('./SettingsPage.tsx'), 'SettingsPage'), roles: ['admin'] },
];

export const navItems: NavItem[] = [
  { to: '/admin/partnership', labelKey: 'partnerships:nav', roles: ['admin'], order: 95 },
];

export const startWidgets: StartWidget[] = [
  { roles: ['admin'], element: lazyPage(() => import('./ChecklistWidget.tsx'), 'ChecklistWidget'), order: 1 },
];
