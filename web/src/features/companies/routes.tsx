import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';
import { CompaniesPage } from './CompaniesPage.tsx';
import { NewCompanyPage } from './NewCompanyPage.tsx';
import { CompanyPage } from './CompanyPage.tsx';
import { PlacementPage } from './PlacementPage.tsx';
import { NetworkPage } from './NetworkPage.tsx';
import { EventPage } from './EventPage.tsx';
import { StoriesPage } from './SharedStories.tsx';
import { AttentionWidget, TasksWidget } from './widgets.tsx';

// The network's readers outside the team (network.stories.read); company contacts also see them on /employer.
const STORY_READERS = ['company_contact', 'volunteer_mentor', 'association_contact', 'steering_group'] as const;

export const routes: AppRoute[] = [
  { path: '/companies', element: <CompaniesPage />, roles: ['counsellor', 'admin'] },
  { path: '/companies/new', element: <NewCompanyPage />, roles: ['counsellor', 'admin'] },
  { path: '/companies/:id', element: <CompanyPage />, roles: ['counsellor', 'admin'] },
  { path: '/placements/:id', element: <PlacementPage />, roles: ['counsellor', 'admin'] },
  { path: '/network', element: <NetworkPage />, roles: ['counsellor', 'admin'] },
  { path: '/network/events/:id', element: <EventPage />, roles: ['counsellor', 'admin'] },
  { path: '/stories', element: <StoriesPage />, roles: STORY_READERS },
];

export const navItems: NavItem[] = [
  { to: '/companies', labelKey: 'companies:nav.companies', roles: ['counsellor', 'admin'], order: 20 },
  { to: '/network', labelKey: 'companies:nav.network', roles: ['counsellor', 'admin'], order: 21 },
  { to: '/stories', labelKey: 'companies:nav.stories', roles: ['volunteer_mentor', 'association_contact', 'steering_group'], order: 70 },
];

export const startWidgets: StartWidget[] = [
  { roles: ['counsellor'], element: <TasksWidget />, order: 3 },
  { roles: ['counsellor'], element: <AttentionWidget />, order: 7 },
];
