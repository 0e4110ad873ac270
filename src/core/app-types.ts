import type { Clock } from './clock.ts';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from './config.ts';
import type { Database, Db } from './db.ts';
import type { Actor } from './policy.ts';
import type { SessionUser } from './session-user.ts';

/** The Fastify instance every feature receives, typed by TypeBox schemas. */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface AppDeps {
  config: Config;
  database: Database;
  db: Db;
  /** Why this process is not ready beyond the database (e.g. 'worker_not_running'), or null: /readyz answers 503 with it. */
  readiness?: () => string | null;
  /** Where request handling reads the time (rate limits); tests move it instead of sleeping. */
  clock?: Clock;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
  interface FastifyRequest {
    session: SessionUser | null;
    /** Set on every route that names a permission; null on public routes. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The permission (src/<feature>/policy.ts) this route requires, or 'public'. */
    permission?: string;
    /** Routes that only need a logged-in user, whatever their role (session, partnership switch). */
    authenticated?: boolean;
  }
}
