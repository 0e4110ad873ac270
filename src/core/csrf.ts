// Cross-site request checks and the transport-security decisions (Secure cookies,
// HSTS). Small functions of (config, request), so they move with buildApp.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from './config.ts';
import { AppError } from './errors.ts';

type ProxyConfig = Pick<Config, 'TRUST_PROXY'>;

const crossSite = () => new AppError(403, 'csrf', 'Forespørgslen kom fra en anden side og blev afvist.');

/**
 * The host the browser addressed. X-Forwarded-Host is only believed behind a
 * trusted proxy: otherwise any client could name the host its own Origin has.
 */
export function requestHost(config: ProxyConfig, req: FastifyRequest): string | undefined {
  const forwarded = config.TRUST_PROXY ? req.headers['x-forwarded-host'] : undefined;
  const raw = (Array.isArray(forwarded) ? forwarded[0] : forwarded) ?? req.headers.host;
  return raw?.split(',')[0]!.trim().toLowerCase();
}

/** The host of an Origin header, or null when the header is not a URL (`Origin: not a url`). */
export function originHost(origin: string): string | null {
  if (!URL.canParse(origin)) return null;
  const url = new URL(origin);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.host.toLowerCase() : null;
}

/**
 * Cookie-authenticated writes need the session's CSRF token in a header, and a
 * cross-site or unreadable Origin is refused outright (also for login, which has
 * no token yet). Always 403, never a crash on a malformed header.
 */
export function checkCsrf(config: ProxyConfig, req: FastifyRequest) {
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    const host = originHost(origin);
    if (host === null || host !== requestHost(config, req)) throw crossSite();
  }
  if (!req.session || req.url === '/api/auth/login') return;
  const sent = req.headers['x-csrf-token'];
  const expected = Buffer.from(req.session.csrfToken);
  if (typeof sent !== 'string' || Buffer.byteLength(sent) !== expected.length || !timingSafeEqual(Buffer.from(sent), expected)) {
    throw new AppError(403, 'csrf', 'Sikkerhedsnøglen mangler eller er forældet. Genindlæs siden og prøv igen.');
  }
}

/** True when the deployment says it is served over https (PUBLIC_URL), whatever a request's Host says. */
export const httpsDeployment = (config: Pick<Config, 'PUBLIC_URL'>) => /^https:/i.test(config.PUBLIC_URL ?? '');

/**
 * An https deployment's cookies are always Secure. Features decide Secure per
 * request (https, or not addressed to localhost); a request that says
 * `Host: localhost` behind an https PUBLIC_URL must not get a plain cookie, so
 * every Set-Cookie header is given Secure here, in one place, as the answer leaves.
 */
export function secureCookiesOf(config: Pick<Config, 'PUBLIC_URL'>, reply: FastifyReply) {
  if (!httpsDeployment(config)) return;
  const set = reply.getHeader('set-cookie');
  if (set === undefined) return;
  const secure = (c: string) => (/;\s*secure\s*(;|$)/i.test(c) ? c : `${c}; Secure`);
  reply.removeHeader('set-cookie'); // reply.header() appends to set-cookie
  reply.header('set-cookie', Array.isArray(set) ? set.map((c) => secure(String(c))) : secure(String(set)));
}

/** HSTS on every answer of an https deployment, and on any answer given over https. */
export const sendHsts = (config: Pick<Config, 'PUBLIC_URL'>, req: FastifyRequest) => httpsDeployment(config) || req.protocol === 'https';
