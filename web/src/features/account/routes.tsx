import type { AppRoute } from '../../app/registry.ts';
import { InvitationPage } from './InvitationPage.tsx';

// Opened from the invitation e-mail before the person has a password, so it is public.
export const routes: AppRoute[] = [{ path: '/invitation', element: <InvitationPage />, roles: [], public: true }];
