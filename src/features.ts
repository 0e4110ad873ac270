import type { App } from './core/app-types.ts';
import { authRoutes } from './auth/routes.ts';
import { youthRoutes } from './youth/routes.ts';
import { companiesFeature } from './companies/feature.ts';
import { mentorRoutes } from './mentors/routes.ts';
import { lifelineRoutes } from './lifeline/routes.ts';
import { activityRoutes } from './activities/routes.ts';
import { reminderRoutes } from './reminders/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { matchingRoutes } from './matching/routes.ts';
import { catalogRoutes } from './catalog/routes.ts';
import { userRoutes } from './users/routes.ts';
import { importRoutes } from './imports/routes.ts';
import { partnershipRoutes } from './partnerships/routes.ts';
import { accessRoutes } from './access/routes.ts';

/** Every feature's routes, registered in this order. Add one line per feature. */
export const features: ((app: App) => Promise<void>)[] = [authRoutes, youthRoutes, companiesFeature, mentorRoutes, lifelineRoutes, activityRoutes, reminderRoutes, reportRoutes, matchingRoutes, catalogRoutes, userRoutes, partnershipRoutes, accessRoutes, importRoutes];
