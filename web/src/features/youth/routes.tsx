import './youth.css';
import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';
import { CaseloadPage } from './CaseloadPage.tsx';
import { FollowUpsPage, FollowUpsWidget } from './FollowUps.tsx';
import { IntakePage } from './IntakePage.tsx';
import { YoungPersonPage } from './YoungPersonPage.tsx';

export const routes: AppRoute[] = [
  { path: '/youth', element: <CaseloadPage />, roles: ['counsellor', 'admin'] },
  { path: '/youth/new', element: <IntakePage />, roles: ['counsellor'] },
  { path: '/youth/follow-ups', element: <FollowUpsPage />, roles: ['counsellor'] },
  { path: '/youth/:id', element: <YoungPersonPage />, roles: ['counsellor', 'admin'] },
];

export const navItems: NavItem[] = [
  { to: '/youth', labelKey: 'youth:nav.caseload', roles: ['counsellor', 'admin'], order: 10 },
  { to: '/youth/follow-ups', labelKey: 'youth:nav.followUps', roles: ['counsellor'], order: 11 },
];

export const startWidgets: StartWidget[] = [
  { roles: ['counsellor'], element: <FollowUpsWidget />, order: 5 },
];
