import './reports.css';
import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';
import { ReportsPage } from './ReportsPage.tsx';
import { GoalsPage } from './GoalsPage.tsx';
import { KeyFiguresWidget } from './KeyFigures.tsx';

export const routes: AppRoute[] = [
  { path: '/reports', element: <ReportsPage />, roles: ['counsellor', 'admin', 'steering_group'] },
  { path: '/reports/goals', element: <GoalsPage />, roles: ['counsellor', 'admin'] },
];

export const navItems: NavItem[] = [
  { to: '/reports', labelKey: 'reports:nav', roles: ['counsellor', 'admin', 'steering_group'], order: 80 },
];

export const startWidgets: StartWidget[] = [
  { roles: ['steering_group'], element: <KeyFiguresWidget />, order: 10 },
];
