import { forbidden, notFound } from './errors.ts';
import type { Trx, Db } from './db.ts';

export const ROLES = [
  'counsellor',
  'company_contact',
  'volunteer_mentor',
  'association_contact',
  'young_person',
  'steering_group',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking: the logged-in user acting in one partnership with one role. */
export interface Actor {
  userId: string;
  partnershipId: string;
  role: Role;
}

/**
 * A rule says which roles may use a permission at all, and optionally how the
 * actor must relate to the record (this counsellor's young person, this
 * company's placement). Deny by default: a permission nobody defined is refused.
 */
export interface Rule<R = unknown> {
  roles: readonly Role[];
  /** Checked against the loaded record; false gives 404 so existence is not revealed. */
  relation?: (actor: Actor, record: R, db: Db | Trx) => boolean | Promise<boolean>;
  description: string;
}

const rules = new Map<string, Rule<never>>();

/** Features register their permissions at import time (see src/<feature>/policy.ts). */
export function definePermissions<T extends Record<string, Rule<never>>>(defs: T): { [K in keyof T]: K } {
  const names = {} as { [K in keyof T]: K };
  for (const [name, rule] of Object.entries(defs)) {
    if (rules.has(name)) throw new Error(`Permission ${name} is defined twice`);
    rules.set(name, rule);
    (names as Record<string, string>)[name] = name;
  }
  return names;
}

export function permissionRule(name: string): Rule<never> | undefined {
  return rules.get(name);
}

export function allPermissions(): ReadonlyMap<string, Rule<never>> {
  return rules;
}

/** Role check, done for every route before the handler runs. */
export function assertRole(actor: Actor, permission: string): void {
  const rule = rules.get(permission);
  if (!rule || !rule.roles.includes(actor.role)) throw forbidden();
}

/** Record check: role and relationship. Records outside the actor's reach look absent (404). */
export async function authorize<R>(actor: Actor, permission: string, record: R | undefined, db: Db | Trx): Promise<R> {
  const rule = rules.get(permission) as Rule<R> | undefined;
  if (!rule || !rule.roles.includes(actor.role)) throw forbidden();
  if (record === undefined) throw notFound();
  if (rule.relation && !(await rule.relation(actor, record, db))) throw notFound();
  return record;
}
