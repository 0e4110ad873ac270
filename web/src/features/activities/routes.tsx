import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';
import './activities.css';

const everyone = ['counsellor', 'admin', 'association_contact', 'young_person', 'volunteer_mentor', 'company_contact'] as const;

export const routes: AppRoute[] = [
  { path: '/activities', element: lazyPage(() => import('./ActivitiesPage.tsx'), 'ActivitiesPage'), roles: everyone },
  { path: '/activities/new', element: lazyPage(() => import('./ActivityFormPage.tsx'), 'ActivityFormPage'), roles: ['counsellor', 'admin', 'association_contact'] },
  { path: '/activities/:id/edit', element: lazyPage(() => import('./ActivityFormPage.tsx'), 'ActivityFormPage', { key: 'edit' }), roles: ['counsellor', 'admin', 'association_contact'] },
  { path: '/activities/:id/attendance', element: lazyPage(() => import('./AttendancePage.tsx'), 'AttendancePage'), roles: ['association_contact', 'counsellor'] },
];

export const navItems: NavItem[] = [
  { to: '/activities', labelKey: 'activities:nav.activities', roles: everyone, order: 50 },
];

export const startWidgets: StartWidget[] = [
  { roles: ['counsellor'], element: lazyPage(() => import('./SlippingWidget.tsx'), 'SlippingWidget'), order: 14 },
];
