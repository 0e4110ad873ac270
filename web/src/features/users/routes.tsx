import type { AppRoute, NavItem } from '../../app/registry.ts';
import { UsersPage } from './UsersPage.tsx';

export const routes: AppRoute[] = [
  { path: '/admin/users', element: <UsersPage />, roles: ['admin'] },
];

export const navItems: NavItem[] = [
  { to: '/admin/users', labelKey: 'users:nav', roles: ['admin'], order: 90 },
];
