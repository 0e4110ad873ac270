import './youth.css';
import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';

export const routes: AppRoute[] = [
  { path: '/youth', element: lazyPage(() => import('./CaseloadPage.tsx'), 'CaseloadPage'), roles: ['counsellor', 'admin'] },
  { path: '/youth/new', element: lazyPage(() => import('./IntakePage.tsx'), 'IntakePage'), roles: ['counsellor'] },
  { path: '/youth/follow-ups', element: lazyPage(() => import('./FollowUps.tsx'), 'FollowUpsPage'), roles: ['counsellor'] },
  { path: '/youth/:id', element: lazyPage(() => import('./YoungPersonPage.tsx'), 'YoungPersonPage'), roles: ['counsellor', 'admin'] },
];

export const navItems: NavItem[] = [
  { to: '/youth', labelKey: 'youth:nav.caseload', roles: ['counsellor', 'admin'], order: 10 },
  { to: '/youth/follow-ups', labelKey: 'youth:nav.followUps', roles: ['counsellor'], order: 11 },
];

export const startWidgets: StartWidget[] = [
  { roles: ['counsellor'], element: lazyPage(() => import('./FollowUps.tsx'), 'FollowUpsWidget'), order: 5 },
];
