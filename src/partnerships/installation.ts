import type { FastifyRequest } from 'fastify';
import type { Db } from '../core/db.ts';
import { forbidden, unauthenticated } from '../core/errors.ts';
import { isInstallationAdmin } from './queries.ts';

/**
 * Installation routes are open to logged-in users (config.authenticated) and then
 * checked here: the flag lives on the user, not in a partnership role, so the
 * role-based permission hook cannot decide it. Returns the user's id.
 */
export async function assertInstallationAdmin(db: Db, req: FastifyRequest): Promise<string> {
  if (!req.session) throw unauthenticated();
  if (!(await isInstallationAdmin(db, req.session.userId))) throw forbidden();
  return req.session.userId;
}
