import './reports.css';
import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';

export const routes: AppRoute[] = [
  { path: '/reports', element: lazyPage(() => import('./ReportsPage.tsx'), 'ReportsPage'), roles: ['counsellor', 'admin', 'steering_group'] },
  { path: '/reports/goals', element: lazyPage(() => import('./GoalsPage.tsx'), 'GoalsPage'), roles: ['counsellor', 'admin'] },
];

export const navItems: NavItem[] = [
  { to: '/reports', labelKey: 'reports:nav', roles: ['counsellor', 'admin', 'steering_group'], order: 80 },
];

export const startWidgets: StartWidget[] = [
  { roles: ['steering_group'], element: lazyPage(() => import('./KeyFigures.tsx'), 'KeyFiguresWidget'), order: 10 },
];
