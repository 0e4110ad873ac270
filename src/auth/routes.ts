import type { App } from '../core/app-types.ts';
import { forbidden } from '../core/errors.ts';
import type { Role } from '../core/policy.ts';
import { secretsFor } from '../core/secrets.ts';
import { destroySession, SESSION_COOKIE, setSessionPartnership } from './sessions.ts';
import { sessionInfo } from './login-session.ts';
import { oidcRoutes } from './oidc.ts';
import { encryptLegacySecrets } from './totp.ts';
import { passwordLogin } from './password-login.ts';
import { deviceRoutes } from './device-routes.ts';
import { totpRoutes } from './totp-routes.ts';
import { inviteAcceptRoutes } from './invites.ts';
import { ErrorResponse, LoginBody, SessionInfo, SwitchPartnershipBody } from './schemas.ts';

export async function authRoutes(app: App) {
  const { db } = app.deps;
  // Fails at start in production without SECRETS_KEY; encrypts TOTP secrets stored before encryption.
  const secrets = secretsFor(app.deps.config);
  await encryptLegacySecrets(db, secrets);
  await totpRoutes(app);
  await oidcRoutes(app);
  await inviteAcceptRoutes(app);
  await deviceRoutes(app);

  app.post('/api/auth/login', {
    config: { permission: 'public' },
    schema: { tags: ['auth'], body: LoginBody, response: { 200: SessionInfo, 400: ErrorResponse, 401: ErrorResponse, 409: ErrorResponse, 429: ErrorResponse } },
  }, async (req, reply) => passwordLogin(app, secrets, req, reply, req.body));

  app.post('/api/auth/logout', {
    config: { authenticated: true },
    schema: { tags: ['auth'], response: { 204: { type: 'null' } } },
  }, async (req, reply) => {
    await destroySession(db, req.cookies[SESSION_COOKIE]!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/session', {
    config: { authenticated: true },
    schema: { tags: ['auth'], response: { 200: SessionInfo, 401: ErrorResponse } },
  }, async (req) => sessionInfo(app, req.session!));

  app.post('/api/auth/partnership', {
    config: { authenticated: true },
    schema: { tags: ['auth'], body: SwitchPartnershipBody, response: { 200: SessionInfo, 403: ErrorResponse } },
  }, async (req) => {
    const session = req.session!;
    const member = await db.selectFrom('memberships').select('role').where('user_id', '=', session.userId).where('partnership_id', '=', req.body.partnershipId).executeTakeFirst();
    if (!member) throw forbidden();
    await setSessionPartnership(db, session.sessionHash, req.body.partnershipId);
    return sessionInfo(app, { ...session, partnershipId: req.body.partnershipId, role: member.role as Role });
  });
}
