import type { App } from '../core/app-types.ts';
import { companyRoutes } from './routes.ts';
import { placementRoutes } from '../placements/routes.ts';
import { employerRoutes } from '../placements/employer.ts';
import './recipients.ts';
import { eventRoutes } from './events.ts';
import { storyRoutes } from './stories.ts';
import { contactLoginRoutes } from './contact-invite.ts';

/** Companies, the network, placements and the employer's view: one registration in src/features.ts. */
export async function companiesFeature(app: App) {
  await companyRoutes(app);
  await eventRoutes(app);
  await storyRoutes(app);
  await contactLoginRoutes(app);
  await placementRoutes(app);
  await employerRoutes(app);
}
