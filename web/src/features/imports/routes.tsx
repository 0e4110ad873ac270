import type { AppRoute, NavItem } from '../../app/registry.ts';
import { ImportPage } from './ImportPage.tsx';

export const routes: AppRoute[] = [
  { path: '/import', element: <ImportPage />, roles: ['counsellor', 'admin'] },
];

export const navItems: NavItem[] = [
  { to: '/import', labelKey: 'imports:nav', roles: ['counsellor', 'admin'], order: 95 },
];
