import type { FastifyInstance, RouteOptions } from 'fastify';

export interface RouteEntry {
  method: string;
  url: string;
  permission?: string;
  authenticated?: boolean;
}

const tables = new WeakMap<object, RouteEntry[]>();

/**
 * Every route the app registered (HEAD twins left out), so generic tests (the
 * authorization matrix, security headers, fuzzing) cover routes that features
 * add later without being told about them.
 */
export function recordRoute(app: FastifyInstance, route: RouteOptions) {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const cfg = route.config as { permission?: string; authenticated?: boolean } | undefined;
  let list = tables.get(app);
  if (!list) tables.set(app, (list = []));
  for (const method of methods) {
    if (method === 'HEAD') continue;
    list.push({ method, url: route.url, permission: cfg?.permission, authenticated: cfg?.authenticated });
  }
}

export function routeTable(app: FastifyInstance): readonly RouteEntry[] {
  return tables.get(app) ?? [];
}
