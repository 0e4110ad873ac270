import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute } from '../../app/registry.ts';

// Opened from the invitation e-mail before the person has a password, so it is public.
export const routes: AppRoute[] = [{ path: '/invitation', element: lazyPage(() => import('./InvitationPage.tsx'), 'InvitationPage'), roles: [], public: true }];
