import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute, NavItem } from '../../app/registry.ts';

export const routes: AppRoute[] = [
  // The catalog is public: anyone can read and share it, logged in or not.
  { path: '/katalog', element: lazyPage(() => import('./CatalogPage.tsx'), 'CatalogPage'), roles: [], public: true },
  { path: '/katalog/:owner/:title', element: lazyPage(() => import('./InitiativePage.tsx'), 'InitiativePage'), roles: [], public: true },
  { path: '/youth/:id/katalog', element: lazyPage(() => import('./SuggestionsPage.tsx'), 'SuggestionsPage'), roles: ['counsellor', 'admin'] },
];

export const navItems: NavItem[] = [
  { to: '/katalog', labelKey: 'catalog:nav.catalog', roles: ['counsellor', 'admin', 'steering_group', 'company_contact', 'association_contact', 'volunteer_mentor'], order: 80 },
];
