import type { FastifyRequest } from 'fastify';
import { unauthenticated } from './errors.ts';
import type { Actor } from './policy.ts';

/** The actor of a route that named a permission; the route hook has already checked it. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}
