import type { App } from './core/app-types.ts';
import { authRoutes } from './auth/routes.ts';
import { youthRoutes } from './youth/routes.ts';

/** Every feature's routes, registered in this order. Add one line per feature. */
export const features: ((app: App) => Promise<void>)[] = [authRoutes, youthRoutes];
