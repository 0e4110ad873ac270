import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';
import { ActivitiesPage } from './ActivitiesPage.tsx';
import { AttendancePage } from './AttendancePage.tsx';
import { SlippingWidget } from './SlippingWidget.tsx';
import { ActivityFormPage } from './ActivityFormPage.tsx';
import './activities.css';

const everyone = ['counsellor', 'admin', 'association_contact', 'young_person', 'volunteer_mentor', 'company_contact'] as const;

export const routes: AppRoute[] = [
  { path: '/activities', element: <ActivitiesPage />, roles: everyone },
  { path: '/activities/new', element: <ActivityFormPage />, roles: ['counsellor', 'admin', 'association_contact'] },
  { path: '/activities/:id/edit', element: <ActivityFormPage key="edit" />, roles: ['counsellor', 'admin', 'association_contact'] },
  { path: '/activities/:id/attendance', element: <AttendancePage />, roles: ['association_contact', 'counsellor'] },
];

export const navItems: NavItem[] = [
  { to: '/activities', labelKey: 'activities:nav.activities', roles: everyone, order: 50 },
];

export const startWidgets: StartWidget[] = [
  { roles: ['counsellor'], element: <SlippingWidget />, order: 14 },
];
