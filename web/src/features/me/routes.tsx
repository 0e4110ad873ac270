import './me.css';
import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';
import { MeWidget } from './MeWidget.tsx';
import { PlanPage } from './PlanPage.tsx';
import { SharingPage } from './SharingPage.tsx';
import { AccessPage } from './AccessPage.tsx';
import { DataPage } from './DataPage.tsx';
import { StoriesPage } from './StoriesPage.tsx';

const YP = ['young_person'] as const;

export const routes: AppRoute[] = [
  { path: '/me/plan', element: <PlanPage />, roles: YP },
  { path: '/me/sharing', element: <SharingPage />, roles: YP },
  { path: '/me/access', element: <AccessPage />, roles: YP },
  { path: '/me/data', element: <DataPage />, roles: YP },
  { path: '/me/stories', element: <StoriesPage />, roles: YP },
];

export const navItems: NavItem[] = [
  { to: '/me/plan', labelKey: 'me:nav.plan', roles: YP, order: 10 },
  { to: '/me/sharing', labelKey: 'me:nav.sharing', roles: YP, order: 20 },
  { to: '/me/access', labelKey: 'me:nav.access', roles: YP, order: 30 },
  { to: '/me/data', labelKey: 'me:nav.data', roles: YP, order: 40 },
  { to: '/me/stories', labelKey: 'me:nav.stories', roles: YP, order: 25 },
];

export const startWidgets: StartWidget[] = [{ roles: YP, element: <MeWidget />, order: 1 }];
