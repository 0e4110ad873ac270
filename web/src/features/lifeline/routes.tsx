import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';
import { CallNowWidget } from './CallNowWidget.tsx';
import { RotaPage } from './RotaPage.tsx';
import './lifeline.css';

export const routes: AppRoute[] = [{ path: '/lifeline', element: <RotaPage />, roles: ['counsellor', 'admin'] }];

export const navItems: NavItem[] = [{ to: '/lifeline', labelKey: 'lifeline:nav.rota', roles: ['counsellor', 'admin'], order: 40 }];

export const startWidgets: StartWidget[] = [
  { roles: ['young_person'], element: <CallNowWidget />, order: 1 },
  { roles: ['volunteer_mentor', 'association_contact'], element: <CallNowWidget />, order: 90 },
];
