import './me.css';
import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';

const YP = ['young_person'] as const;

export const routes: AppRoute[] = [
  { path: '/me/plan', element: lazyPage(() => import('./PlanPage.tsx'), 'PlanPage'), roles: YP },
  { path: '/me/sharing', element: lazyPage(() => import('./SharingPage.tsx'), 'SharingPage'), roles: YP },
  { path: '/me/access', element: lazyPage(() => import('./AccessPage.tsx'), 'AccessPage'), roles: YP },
  { path: '/me/data', element: lazyPage(() => import('./DataPage.tsx'), 'DataPage'), roles: YP },
  { path: '/me/stories', element: lazyPage(() => import('./StoriesPage.tsx'), 'StoriesPage'), roles: YP },
];

export const navItems: NavItem[] = [
  { to: '/me/plan', labelKey: 'me:nav.plan', roles: YP, order: 10 },
  { to: '/me/sharing', labelKey: 'me:nav.sharing', roles: YP, order: 20 },
  { to: '/me/access', labelKey: 'me:nav.access', roles: YP, order: 30 },
  { to: '/me/data', labelKey: 'me:nav.data', roles: YP, order: 40 },
  { to: '/me/stories', labelKey: 'me:nav.stories', roles: YP, order: 25 },
];

export const startWidgets: StartWidget[] = [{ roles: YP, element: lazyPage(() => import('./MeWidget.tsx'), 'MeWidget'), order: 1 }];
