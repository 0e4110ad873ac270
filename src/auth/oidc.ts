import { createHash, timingSafeEqual } from 'node:crypto';
import * as oidc from 'openid-client';
import type { FastifyRequest } from 'fastify';
import type { App } from '../core/app-types.ts';
import type { Config } from '../core/config.ts';
import type { Db } from '../core/db.ts';
import { AppError } from '../core/errors.ts';
import { isLocalHost, startSession } from './login-session.ts';
import { AuthMethods, ErrorResponse, OidcCallbackBody, OidcCodeBody, OidcStartResponse, SessionInfo } from './schemas.ts';
import { forgetPendingLogin, holdPendingLogin, linkNeeded, matchStaffUser, oidcCodeNeeded, pendingLogin, type ProviderClaims } from './oidc-link.ts';
import { clearTries, reserveTry, totpKeys } from './throttle.ts';
import { checkSecondFactor, totpInvalid } from './totp.ts';
import { secretsFor } from '../core/secrets.ts';

/**
 * Staff sign-in with the municipality's OpenID Connect provider (openid-client):
 * authorization code flow with PKCE (S256), state and nonce. The verifier and
 * nonce stay in the database (oidc_login_requests), keyed by a hash of the
 * state; the state is also in a short-lived cookie, so the answer must come back
 * to the browser that started the sign-in. A user is matched to an existing,
 * active staff user by the provider's issuer + subject, linked only once the user
 * has proven the link (oidc-link.ts); nobody is created. The session is the same
 * as after a password login.
 */
export const OIDC_COOKIE = 'fodfaeste_oidc';
const COOKIE_PATH = '/api/auth/oidc';
const REQUEST_MINUTES = 10;
export { OIDC_ROLES } from './oidc-roles.ts';

export const oidcEnabled = (c: Config) => Boolean(c.OIDC_ISSUER_URL && c.OIDC_CLIENT_ID && c.OIDC_CLIENT_SECRET);
export const oidcRedirectUrl = (c: Config) => c.OIDC_REDIRECT_URL ?? `${(c.PUBLIC_URL ?? '').replace(/\/$/, '')}/login/oidc`;

const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const sameString = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const off = () => new AppError(404, 'oidc_off', 'Login med kommunens login er ikke slået til her. Log ind med e-mail og adgangskode.');
const unreachable = () => new AppError(503, 'oidc_unavailable', 'Kommunens login svarer ikke lige nu. Prøv igen om lidt, eller log ind med e-mail og adgangskode.');
const badState = () => new AppError(400, 'oidc_state', 'Login-forsøget kunne ikke genkendes: det er udløbet eller startet i en anden browser. Start forfra med «Log ind med kommunens login».');
const failed = () => new AppError(401, 'oidc_failed', 'Login via kommunens login kunne ikke gennemføres. Prøv igen, eller log ind med e-mail og adgangskode.');
const cancelled = () => new AppError(401, 'oidc_cancelled', 'Login via kommunens login blev afbrudt. Prøv igen, når du er klar.');
const noPendingCode = () => new AppError(400, 'oidc_state', 'Login-forsøget kunne ikke genkendes: det er udløbet eller startet i en anden browser. Start forfra med «Log ind med kommunens login».');

/** The provider's configuration, discovered once per app and kept (a failed discovery is tried again next time). */
const discovered = new WeakMap<Config, Promise<oidc.Configuration>>();
function providerConfig(c: Config): Promise<oidc.Configuration> {
  let p = discovered.get(c);
  if (!p) {
    const issuer = new URL(c.OIDC_ISSUER_URL!);
    // Plain http only to a provider on this machine (development, the test suite's local provider).
    const loopback = issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
    p = oidc.discovery(issuer, c.OIDC_CLIENT_ID!, c.OIDC_CLIENT_SECRET!, undefined, {
      ...(loopback ? { execute: [oidc.allowInsecureRequests] } : {}),
      timeout: 10,
    });
    discovered.set(c, p);
    p.catch(() => discovered.delete(c));
  }
  return p.catch(() => { throw unreachable(); });
}

export async function oidcRoutes(app: App) {
  const { db, config } = app.deps;

  app.get('/api/auth/methods', {
    config: { permission: 'public' },
    schema: { tags: ['auth'], response: { 200: AuthMethods } },
  }, async () => ({ password: true, oidc: oidcEnabled(config) }));

  app.post('/api/auth/oidc/start', {
    config: { permission: 'public' },
    schema: { tags: ['auth'], response: { 200: OidcStartResponse, 404: ErrorResponse, 503: ErrorResponse } },
  }, async (req, reply) => {
    if (!oidcEnabled(config)) throw off();
    const provider = await providerConfig(config);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    await db.deleteFrom('oidc_login_requests').where('created_at', '<', new Date(Date.now() - REQUEST_MINUTES * 60_000)).execute();
    await db.insertInto('oidc_login_requests').values({ state_hash: hash(state), code_verifier: codeVerifier, nonce }).execute();
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: oidcRedirectUrl(config),
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    reply.setCookie(OIDC_COOKIE, state, { path: COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: req.protocol === 'https' || !isLocalHost(req), maxAge: REQUEST_MINUTES * 60 });
    return { url: url.href };
  });

  app.post('/api/auth/oidc/callback', {
    config: { permission: 'public' },
    schema: {
      tags: ['auth'], body: OidcCallbackBody,
      response: { 200: SessionInfo, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse },
    },
  }, async (req, reply) => {
    if (!oidcEnabled(config)) throw off();
    const search = req.body.search.replace(/^\?/, '');
    const params = new URLSearchParams(search);
    const request = await takeLoginRequest(db, req, params.get('state'));
    reply.clearCookie(OIDC_COOKIE, { path: COOKIE_PATH });
    if (!request) throw badState();
    if (params.has('error')) throw params.get('error') === 'access_denied' ? cancelled() : failed();
    const provider = await providerConfig(config);
    let claims: ProviderClaims;
    try {
      const tokens = await oidc.authorizationCodeGrant(provider, new URL(`${oidcRedirectUrl(config)}?${search}`), {
        pkceCodeVerifier: request.code_verifier,
        expectedState: request.state,
        expectedNonce: request.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      // amr and acr describe this sign-in, so they come from the ID token only.
      const amr = Array.isArray(idClaims.amr) ? idClaims.amr.filter((m): m is string => typeof m === 'string') : undefined;
      const acr = typeof idClaims.acr === 'string' ? idClaims.acr : undefined;
      claims = { iss: idClaims.iss, sub: idClaims.sub, email: idClaims.email as string | undefined, email_verified: idClaims.email_verified as boolean | undefined, amr, acr };
      // Most providers put e-mail in the UserInfo answer, not the ID token, in the code flow.
      if (!claims.email) {
        const info = await oidc.fetchUserInfo(provider, tokens.access_token, idClaims.sub);
        claims = { ...claims, email: info.email, email_verified: info.email_verified };
      }
    } catch (err) {
      req.log.warn({ err: { name: (err as Error).name, code: (err as { code?: string }).code, message: (err as Error).message } }, 'oidc sign-in failed');
      throw failed();
    }
    const match = await matchStaffUser(db, config, claims);
    if (match.kind === 'unlinked') {
      await holdPendingLogin(db, req, reply, claims, null);
      throw linkNeeded(claims.email);
    }
    if (match.codeNeeded) {
      await holdPendingLogin(db, req, reply, claims, match.userId);
      throw oidcCodeNeeded();
    }
    return startSession(app, req, reply, match.userId);
  });

  // The second step for a user with TOTP whose provider did not assert MFA (or whose partnership does not accept it).
  const secrets = secretsFor(config);
  app.post('/api/auth/oidc/code', {
    config: { permission: 'public' },
    schema: { tags: ['auth'], body: OidcCodeBody, response: { 200: SessionInfo, 400: ErrorResponse, 401: ErrorResponse, 429: ErrorResponse } },
  }, async (req, reply) => {
    const pending = await pendingLogin(db, req, { take: false });
    if (!pending?.user_id) throw noPendingCode();
    const keys = totpKeys(pending.user_id);
    await reserveTry(db, keys);
    if ((await checkSecondFactor(db, secrets, pending.user_id, req.body.code)) !== 'ok') throw totpInvalid();
    await clearTries(db, keys);
    await pendingLogin(db, req, { take: true });
    forgetPendingLogin(reply);
    return startSession(app, req, reply, pending.user_id);
  });
}

/** The started sign-in the answer belongs to: the state must match the browser's cookie; used once; at most 10 minutes old. */
async function takeLoginRequest(db: Db, req: FastifyRequest, state: string | null) {
  const cookie = req.cookies[OIDC_COOKIE];
  if (!state || !cookie || !sameString(state, cookie)) return null;
  const row = await db.deleteFrom('oidc_login_requests').where('state_hash', '=', hash(state)).returningAll().executeTakeFirst();
  if (!row || Date.now() - new Date(row.created_at).getTime() > REQUEST_MINUTES * 60_000) return null;
  return { ...row, state };
}
