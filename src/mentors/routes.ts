import type { App } from '../core/app-types.ts';
import { mentorRegistryRoutes } from './registry-routes.ts';
import { mentorshipRoutes } from './mentorship-routes.ts';

export async function mentorRoutes(app: App) {
  await mentorRegistryRoutes(app);
  await mentorshipRoutes(app);
}
