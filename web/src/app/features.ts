import type { AppRoute, FeatureModule, NavItem, Role, StartWidget } from './registry.ts';

/** Every web/src/features/<feature>/routes.tsx, found at build time (see registry.ts). */
const modules = import.meta.glob<FeatureModule>('../features/*/routes.tsx', { eager: true });

const all = Object.entries(modules)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([file, mod]) => ({ feature: /features\/([^/]+)\//.exec(file)?.[1] ?? file, mod }));

export const featureRoutes: (AppRoute & { key: string })[] = all.flatMap(({ feature, mod }) =>
  (mod.routes ?? []).map((r, i) => ({ ...r, key: `${feature}-${i}` })),
);

const navItems: NavItem[] = all.flatMap(({ mod }) => mod.navItems ?? []);
const startWidgets: (StartWidget & { key: string })[] = all.flatMap(({ feature, mod }) =>
  (mod.startWidgets ?? []).map((w, i) => ({ ...w, key: `${feature}-${i}` })),
);

export function navItemsFor(role: Role): NavItem[] {
  return navItems.filter((n) => n.roles.includes(role)).sort((a, b) => a.order - b.order);
}

export function startWidgetsFor(role: Role): (StartWidget & { key: string })[] {
  return startWidgets.filter((w) => w.roles.includes(role)).sort((a, b) => a.order - b.order);
}
