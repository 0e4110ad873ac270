import type { AppRoute, NavItem } from '../../app/registry.ts';
import { CatalogPage } from './CatalogPage.tsx';
import { InitiativePage } from './InitiativePage.tsx';
import { SuggestionsPage } from './SuggestionsPage.tsx';

export const routes: AppRoute[] = [
  // The catalog is public: anyone can read and share it, logged in or not.
  { path: '/katalog', element: <CatalogPage />, roles: [], public: true },
  { path: '/katalog/:owner/:title', element: <InitiativePage />, roles: [], public: true },
  { path: '/youth/:id/katalog', element: <SuggestionsPage />, roles: ['counsellor', 'admin'] },
];

export const navItems: NavItem[] = [
  { to: '/katalog', labelKey: 'catalog:nav.catalog', roles: ['counsellor', 'admin', 'steering_group', 'company_contact', 'association_contact', 'volunteer_mentor'], order: 80 },
];
