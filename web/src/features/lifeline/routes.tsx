import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';
import './lifeline.css';

export const routes: AppRoute[] = [{ path: '/lifeline', element: lazyPage(() => import('./RotaPage.tsx'), 'RotaPage'), roles: ['counsellor', 'admin'] }];

export const navItems: NavItem[] = [{ to: '/lifeline', labelKey: 'lifeline:nav.rota', roles: ['counsellor', 'admin'], order: 40 }];

export const startWidgets: StartWidget[] = [
  { roles: ['young_person'], element: lazyPage(() => import('./CallNowWidget.tsx'), 'CallNowWidget'), order: 1 },
  { roles: ['volunteer_mentor', 'association_contact'], element: lazyPage(() => import('./CallNowWidget.tsx'), 'CallNowWidget'), order: 90 },
];
