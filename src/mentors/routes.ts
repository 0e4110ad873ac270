import type { App } from '../core/app-types.ts';
import { mentorRegistryRoutes } from './registry-routes.ts';
import { mentorshipRoutes } from './mentorship-routes.ts';
import { mentorInviteRoutes } from './mentor-invite.ts';
// A young person's mentors are recipients on "Hvem må se hvad".
import './recipients.ts';

export async function mentorRoutes(app: App) {
  await mentorRegistryRoutes(app);
  await mentorshipRoutes(app);
  await mentorInviteRoutes(app);
}
