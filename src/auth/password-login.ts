import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../core/app-types.ts';
import { AppError } from '../core/errors.ts';
import type { SecretBox } from '../core/secrets.ts';
import { verifyPassword } from './passwords.ts';
import { clearTries, loginKeys, recordLoginAttempt, refundTries, reserveTry } from './throttle.ts';
import { checkSecondFactor, totpInvalid, totpRequired } from './totp.ts';
import { startSession } from './login-session.ts';
import { completeOidcLink } from './oidc-link.ts';
import type { LoginBody, SessionInfo } from './schemas.ts';

const badCredentials = () => new AppError(401, 'bad_credentials', 'Forkert e-mail eller adgangskode.');

/**
 * Login with e-mail and password (+ TOTP code when the user has it on). The try is
 * counted before the password is checked (throttle.ts), so parallel guesses over
 * several processes get at most the free tries; a right answer takes it back.
 */
export async function passwordLogin(app: App, secrets: SecretBox, req: FastifyRequest, reply: FastifyReply, body: LoginBody): Promise<SessionInfo> {
  const { db } = app.deps;
  const account = body.email.trim().toLowerCase();
  const keys = loginKeys(account, req.ip);
  await reserveTry(db, keys);
  const user = await db.selectFrom('users').select(['id', 'password_hash', 'active']).where((eb) => eb(eb.fn('lower', ['email']), '=', account)).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? null, body.password);
  if (!user || !ok || !user.active) {
    await recordLoginAttempt(db, account, req.ip, false);
    throw badCredentials();
  }
  // Two-factor: a wrong code stays counted (throttled like a wrong password); a missing one checked nothing.
  const second = await checkSecondFactor(db, secrets, user.id, body.code);
  if (second === 'missing') {
    await refundTries(db, keys);
    throw totpRequired();
  }
  if (second === 'wrong') {
    await recordLoginAttempt(db, account, req.ip, false);
    throw totpInvalid();
  }
  // The account's failures are forgotten; the IP's count only loses this (right) try.
  await clearTries(db, keys.filter((k) => k.key.startsWith('login:')));
  await refundTries(db, keys.filter((k) => !k.key.startsWith('login:')));
  await recordLoginAttempt(db, account, req.ip, true);
  if (body.linkOidc) await completeOidcLink(db, req, reply, user.id);
  return startSession(app, req, reply, user.id, { rememberDevice: body.rememberDevice });
}
