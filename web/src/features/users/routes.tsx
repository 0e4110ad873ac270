import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem } from '../../app/registry.ts';

export const routes: AppRoute[] = [
  { path: '/admin/users', element: lazyPage(() => import('./UsersPage.tsx'), 'UsersPage'), roles: ['admin'] },
];

export const navItems: NavItem[] = [
  { to: '/admin/users', labelKey: 'users:nav', roles: ['admin'], order: 90 },
];
