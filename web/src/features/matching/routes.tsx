import './matching.css';
import type { AppRoute, NavItem } from '../../app/registry.ts';
import { SuggestionsPage } from './SuggestionsPage.tsx';
import { BatchPage } from './BatchPage.tsx';

export const routes: AppRoute[] = [
  { path: '/youth/:id/forslag', element: <SuggestionsPage />, roles: ['counsellor', 'admin'] },
  { path: '/match', element: <BatchPage />, roles: ['counsellor', 'admin'] },
];

export const navItems: NavItem[] = [
  { to: '/match', labelKey: 'matching:nav.match', roles: ['counsellor', 'admin'], order: 15 },
];
