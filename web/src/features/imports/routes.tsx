import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem } from '../../app/registry.ts';

export const routes: AppRoute[] = [
  { path: '/import', element: lazyPage(() => import('./ImportPage.tsx'), 'ImportPage'), roles: ['counsellor', 'admin'] },
];

export const navItems: NavItem[] = [
  { to: '/import', labelKey: 'imports:nav', roles: ['counsellor', 'admin'], order: 95 },
];
