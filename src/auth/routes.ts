import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../core/app-types.ts';
import { AppError, forbidden, unauthenticated } from '../core/errors.ts';
import type { Role } from '../core/policy.ts';
import { sessionSettings } from '../core/http.ts';
import { verifyPassword } from './passwords.ts';
import { assertLoginAllowed, recordLoginAttempt } from './throttle.ts';
import { createSession, destroySession, findSession, SESSION_COOKIE, setSessionPartnership, type SessionUser } from './sessions.ts';
import { checkSecondFactor, totpInvalid, totpRequired } from './totp.ts';
import { totpRoutes } from './totp-routes.ts';
import { ErrorResponse, LoginBody, SessionInfo, SwitchPartnershipBody } from './schemas.ts';

export async function authRoutes(app: App) {
  const { db } = app.deps;
  await totpRoutes(app);

  app.post('/api/auth/login', {
    config: { permission: 'public' },
    schema: { tags: ['auth'], body: LoginBody, response: { 200: SessionInfo, 401: ErrorResponse, 429: ErrorResponse } },
  }, async (req, reply) => {
    const account = req.body.email.trim().toLowerCase();
    await assertLoginAllowed(db, account, req.ip);
    const user = await db.selectFrom('users').select(['id', 'password_hash', 'active']).where((eb) => eb(eb.fn('lower', ['email']), '=', account)).executeTakeFirst();
    const ok = await verifyPassword(user?.password_hash ?? null, req.body.password);
    if (!user || !ok || !user.active) {
      await recordLoginAttempt(db, account, req.ip, false);
      throw new AppError(401, 'bad_credentials', 'Forkert e-mail eller adgangskode.');
    }
    // Two-factor: a wrong code counts as a failed attempt (throttled like a wrong password).
    const second = await checkSecondFactor(db, user.id, req.body.code);
    if (second === 'missing') throw totpRequired();
    if (second === 'wrong') {
      await recordLoginAttempt(db, account, req.ip, false);
      throw totpInvalid();
    }
    await recordLoginAttempt(db, account, req.ip, true);
    // A fresh session id at every login: an id planted before login is worthless after it.
    const old = req.cookies[SESSION_COOKIE];
    if (old) await destroySession(db, old);
    const first = await db.selectFrom('memberships').select('partnership_id').where('user_id', '=', user.id).orderBy('created_at').executeTakeFirst();
    const { id } = await createSession(db, user.id, first?.partnership_id ?? null, sessionSettings(app.deps));
    setSessionCookie(app, req, reply, id);
    const session = await findSession(db, id, sessionSettings(app.deps));
    return sessionInfo(app, session!);
  });

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

function setSessionCookie(app: App, req: FastifyRequest, reply: FastifyReply, id: string) {
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(req.hostname.replace(/:\d+$/, ''));
  reply.setCookie(SESSION_COOKIE, id, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https' || !local,
    maxAge: app.deps.config.SESSION_ABSOLUTE_HOURS * 3600,
  });
}

async function sessionInfo(app: App, s: SessionUser): Promise<SessionInfo> {
  if (!s) throw unauthenticated();
  const memberships = await app.deps.db
    .selectFrom('memberships as m')
    .innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
    .select(['m.partnership_id as partnershipId', 'p.name as partnershipName', 'm.role'])
    .where('m.user_id', '=', s.userId)
    .orderBy('p.name')
    .execute();
  const current = memberships.find((m) => m.partnershipId === s.partnershipId);
  return {
    user: { id: s.userId, name: s.name, email: s.email, locale: s.locale },
    partnership: current ? { id: current.partnershipId, name: current.partnershipName } : null,
    role: (current?.role as Role | undefined) ?? null,
    memberships: memberships.map((m) => ({ ...m, role: m.role as Role })),
    csrfToken: s.csrfToken,
  };
}
