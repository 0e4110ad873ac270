import './matching.css';
import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem } from '../../app/registry.ts';

export const routes: AppRoute[] = [
  { path: '/youth/:id/forslag', element: lazyPage(() => import('./SuggestionsPage.tsx'), 'SuggestionsPage'), roles: ['counsellor', 'admin'] },
  { path: '/match', element: lazyPage(() => import('./BatchPage.tsx'), 'BatchPage'), roles: ['counsellor', 'admin'] },
];

export const navItems: NavItem[] = [
  { to: '/match', labelKey: 'matching:nav.match', roles: ['counsellor', 'admin'], order: 15 },
];
