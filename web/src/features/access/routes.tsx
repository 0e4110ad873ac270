import { lazyPage } from '../../app/lazy.tsx';
import type { AppRoute } from '../../app/registry.ts';

// Both are used without a login, so they are public.
export const routes: AppRoute[] = [
  { path: '/forgot-password', element: lazyPage(() => import('./PasswordPages.tsx'), 'ForgotPasswordPage'), roles: [], public: true },
  { path: '/password-reset', element: lazyPage(() => import('./PasswordPages.tsx'), 'PasswordResetPage'), roles: [], public: true },
];
