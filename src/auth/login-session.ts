import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../core/app-types.ts';
import { unauthenticated } from '../core/errors.ts';
import type { Role } from '../core/policy.ts';
import { sessionSettings } from './sessions.ts';
import { createSession, destroySession, DEVICE_COOKIE, findSession, SESSION_COOKIE, type SessionOptions, type SessionUser } from './sessions.ts';
import { mayRememberDevice, REMEMBER_DAYS, REMEMBER_IDLE_MINUTES, rememberDevice } from './trusted-devices.ts';
import type { SessionInfo } from './schemas.ts';

/**
 * The end of every successful login (password or the municipality's OpenID
 * Connect): a fresh session id (an id planted before login is worthless after
 * it), in the user's first partnership, and the session cookie.
 */
export async function startSession(app: App, req: FastifyRequest, reply: FastifyReply, userId: string, opts: { rememberDevice?: boolean } = {}): Promise<SessionInfo> {
  const { db } = app.deps;
  const old = req.cookies[SESSION_COOKIE];
  if (old) await destroySession(db, old);
  const first = await db.selectFrom('memberships').select('partnership_id').where('user_id', '=', userId).orderBy('created_at').executeTakeFirst();
  // "Husk denne telefon": a 30-day session bound to this device, for company contacts only (trusted-devices.ts).
  let deviceToken = req.cookies[DEVICE_COOKIE];
  let options: SessionOptions = {};
  if (opts.rememberDevice && (await mayRememberDevice(db, userId))) {
    const device = await rememberDevice(db, userId, deviceToken, req.headers['user-agent']);
    deviceToken = device.token;
    options = { deviceId: device.id, absoluteHours: REMEMBER_DAYS * 24, idleMinutes: REMEMBER_IDLE_MINUTES };
    reply.setCookie(DEVICE_COOKIE, device.token, { ...cookieFlags(req), maxAge: REMEMBER_DAYS * 86_400 });
  }
  const { id } = await createSession(db, userId, first?.partnership_id ?? null, sessionSettings(app.deps), options);
  reply.setCookie(SESSION_COOKIE, id, { ...cookieFlags(req), maxAge: options.absoluteHours ? options.absoluteHours * 3600 : app.deps.config.SESSION_ABSOLUTE_HOURS * 3600 });
  const session = await findSession(db, id, sessionSettings(app.deps), { deviceToken });
  return sessionInfo(app, session!);
}

export const isLocalHost = (req: FastifyRequest) => ['localhost', '127.0.0.1', '[::1]'].includes(req.hostname.replace(/:\d+$/, ''));

/** The session and device cookies: HttpOnly, SameSite=Lax, Secure except on this machine. */
const cookieFlags = (req: FastifyRequest) => ({
  path: '/',
  httpOnly: true,
  sameSite: 'lax' as const,
  secure: req.protocol === 'https' || !isLocalHost(req),
});

export async function sessionInfo(app: App, s: SessionUser): Promise<SessionInfo> {
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
