import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem, StartWidget } from '../../app/registry.ts';

// The network's readers outside the team (network.stories.read); company contacts also see them on /employer.
const STORY_READERS = ['company_contact', 'volunteer_mentor', 'association_contact', 'steering_group'] as const;

export const routes: AppRoute[] = [
  { path: '/companies', element: lazyPage(() => import('./CompaniesPage.tsx'), 'CompaniesPage'), roles: ['counsellor', 'admin'] },
  { path: '/companies/new', element: lazyPage(() => import('./NewCompanyPage.tsx'), 'NewCompanyPage'), roles: ['counsellor', 'admin'] },
  { path: '/companies/:id', element: lazyPage(() => import('./CompanyPage.tsx'), 'CompanyPage'), roles: ['counsellor', 'admin'] },
  { path: '/placements/:id', element: lazyPage(() => import('./PlacementPage.tsx'), 'PlacementPage'), roles: ['counsellor', 'admin'] },
  { path: '/network', element: lazyPage(() => import('./NetworkPage.tsx'), 'NetworkPage'), roles: ['counsellor', 'admin'] },
  { path: '/network/events/:id', element: lazyPage(() => import('./EventPage.tsx'), 'EventPage'), roles: ['counsellor', 'admin'] },
  { path: '/stories', element: lazyPage(() => import('./SharedStories.tsx'), 'StoriesPage'), roles: STORY_READERS },
];

export const navItems: NavItem[] = [
  { to: '/companies', labelKey: 'companies:nav.companies', roles: ['counsellor', 'admin'], order: 20 },
  { to: '/network', labelKey: 'companies:nav.network', roles: ['counsellor', 'admin'], order: 21 },
  { to: '/stories', labelKey: 'companies:nav.stories', roles: ['volunteer_mentor', 'association_contact', 'steering_group'], order: 70 },
];

export const startWidgets: StartWidget[] = [
  { roles: ['counsellor'], element: lazyPage(() => import('./widgets.tsx'), 'TasksWidget'), order: 3 },
  { roles: ['counsellor'], element: lazyPage(() => import('./widgets.tsx'), 'AttentionWidget'), order: 7 },
];
