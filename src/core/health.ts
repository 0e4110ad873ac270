import type { App } from './app-types.ts';
import { migrationsApplied } from './migrate.ts';

export async function healthRoutes(app: App) {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await app.deps.database.pool.query('SELECT 1');
      if (!(await migrationsApplied(app.deps.database.pool))) {
        return reply.status(503).send({ status: 'migrations_pending' });
      }
      // A part of the process that is not running (the reminder worker when WORKER_ENABLED) makes it not ready.
      const problem = app.deps.readiness?.();
      if (problem) return reply.status(503).header('retry-after', '5').send({ status: problem });
      return { status: 'ready' };
    } catch {
      return reply.status(503).header('retry-after', '5').send({ status: 'database_unavailable' });
    }
  });
}
