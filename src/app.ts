import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { App, AppDeps } from './core/app-types.ts';
import { errorHandler } from './core/http-errors.ts';
import { refuseCpr } from './core/cpr-guard.ts';
import { forbidden, unauthenticated } from './core/errors.ts';
import { checkCsrf, secureCookiesOf, sendHsts } from './core/csrf.ts';
import { registerInputGuard } from './core/input-guard.ts';
import { assertRole } from './core/policy.ts';
import { DEVICE_COOKIE, findSession, SESSION_COOKIE, sessionSettings } from './auth/sessions.ts';
import { attachSessionCache } from './auth/session-cache.ts';
import { features } from './features.ts';
import { healthRoutes } from './core/health.ts';
import { closeRequestSchemas, nullableResponseSchemas } from './core/schema-tools.ts';
import { createRateLimiter } from './security/rate-limit.ts';
import { idempotencyOnSend, idempotencyPreHandler } from './security/idempotency.ts';
import { recordRoute } from './security/route-table.ts';
import { toOpenApi30 } from './security/openapi30.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const webDist = path.resolve('dist/web');

export async function buildApp(deps: AppDeps, opts: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger === false ? false : {
      level: deps.config.LOG_LEVEL,
      // Only the route pattern is logged: URLs and bodies may hold names and searches.
      serializers: {
        req: (req: FastifyRequest) => ({ method: req.method, route: req.routeOptions?.url ?? 'unknown', id: req.id }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: deps.config.TRUST_PROXY,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true } },
  }).withTypeProvider<TypeBoxTypeProvider>() as unknown as App;

  app.decorate('deps', deps);
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.setErrorHandler(errorHandler);
  await app.register(cookie);
  await app.register(swagger, {
    transformObject: (d) => toOpenApi30('openapiObject' in d ? d.openapiObject : d.swaggerObject),
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Fodfæste API', version: '0.1.0', description: 'API for Fodfæste. Alle svar med persondata sendes med Cache-Control: no-store.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
  });

  app.addHook('onRoute', (route) => {
    recordRoute(app, route);
    if (!route.url.startsWith('/api/')) return;
    const cfg = route.config as { permission?: string; authenticated?: boolean } | undefined;
    if (!cfg?.permission && !cfg?.authenticated) {
      throw new Error(`Route ${route.method} ${route.url} names no permission: add config.permission (deny by default)`);
    }
    closeRequestSchemas(route);
    nullableResponseSchemas(route);
  });

  const limiter = createRateLimiter({ ipPerMinute: deps.config.RATE_LIMIT_IP_PER_MINUTE, userPerMinute: deps.config.RATE_LIMIT_USER_PER_MINUTE, clock: deps.clock });
  app.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
    limiter.checkIp(req.ip, req.url);
    const sid = req.cookies[SESSION_COOKIE];
    req.session = sid ? await findSession(deps.db, sid, sessionSettings(deps), { deviceToken: req.cookies[DEVICE_COOKIE] }) : null;
    if (req.session) limiter.checkUser(req.session.userId);
    if (UNSAFE.has(req.method)) checkCsrf(deps.config, req);
    const cfg = req.routeOptions.config;
    if (!cfg || cfg.permission === 'public' || !req.routeOptions.url?.startsWith('/api/')) return;
    if (!req.session) throw unauthenticated();
    if (cfg.authenticated && !cfg.permission) return;
    if (!req.session.role || !req.session.partnershipId) throw forbidden();
    req.actor = { userId: req.session.userId, partnershipId: req.session.partnershipId, role: req.session.role };
    assertRole(req.actor, cfg.permission!);
  });

  // No NUL character and no deep nesting in any input (src/core/input-guard.ts): 400 before validation.
  registerInputGuard(app);
  // No CPR number is ever stored: a body with one in any text field is refused (src/core/cpr-guard.ts).
  app.addHook('preHandler', refuseCpr);
  // Idempotency-Key on POSTs that create things (src/security/idempotency.ts).
  app.addHook('preHandler', async (req, reply) => idempotencyPreHandler(deps.db, req, reply));
  app.addHook('onSend', async (req, reply, payload) => {
    await idempotencyOnSend(deps.db, req, reply, payload);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    reply.header(
      'content-security-policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'",
    );
    secureCookiesOf(deps.config, reply);
    if (sendHsts(deps.config, req)) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // Anything under /api may carry personal data: never cached by browsers or proxies.
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  await app.register(healthRoutes);
  app.get('/api/openapi.json', { schema: { hide: true }, config: { permission: 'public' } }, async () => app.swagger());
  for (const feature of features) await app.register(feature);
  await serveWeb(app);
  if (deps.config.SESSION_CACHE) {
    // Attached last, so a failed build leaves no listener behind; closing the app detaches it.
    const detach = await attachSessionCache(deps.database, (line) => app.log.warn(line));
    app.addHook('onClose', detach);
  }
  return app;
}


/** Serves the built web client; any other GET outside /api gets index.html (client-side routes). */
async function serveWeb(app: App) {
  if (!existsSync(path.join(webDist, 'index.html'))) {
    app.setNotFoundHandler((req, reply) => {
      reply.status(404).send({ error: { code: 'not_found', message: 'Siden findes ikke.' } });
    });
    return;
  }
  await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h', immutable: false });
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !req.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-cache');
      // The page itself is revalidated on every load, so a new deploy shows at once; hashed assets are cached.
      return reply.sendFile('index.html', { cacheControl: false });
    }
    reply.status(404).send({ error: { code: 'not_found', message: 'Siden findes ikke.' } });
  });
}
