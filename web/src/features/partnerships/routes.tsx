import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';
import { ChecklistWidget } from './ChecklistWidget.tsx';
import { InstallationPage } from './InstallationPage.tsx';
import { SettingsPage } from './SettingsPage.tsx';

export const routes: AppRoute[] = [
  // An installation administrator may have no partnership (and so no role): the page checks the flag itself.
  { path: '/installation', element: <InstallationPage />, roles: [], public: true },
  { path: '/admin/partnership', element: <SettingsPage />, roles: ['admin'] },
];

export const navItems: NavItem[] = [
  { to: '/admin/partnership', labelKey: 'partnerships:nav', roles: ['admin'], order: 95 },
];

export const startWidgets: StartWidget[] = [
  { roles: ['admin'], element: <ChecklistWidget />, order: 1 },
];
