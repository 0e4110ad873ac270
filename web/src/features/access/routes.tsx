import type { AppRoute } from '../../app/registry.ts';
import { ForgotPasswordPage, PasswordResetPage } from './PasswordPages.tsx';

// Both are used without a login, so they are public.
export const routes: AppRoute[] = [
  { path: '/forgot-password', element: <ForgotPasswordPage />, roles: [], public: true },
  { path: '/password-reset', element: <PasswordResetPage />, roles: [], public: true },
];
