import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../core/config.ts';
import type { Db, Trx } from '../core/db.ts';
import { AppError } from '../core/errors.ts';
import { systemClock, type Clock } from '../core/clock.ts';
import { isLocalHost } from './login-session.ts';
import { OIDC_ROLES } from './oidc-roles.ts';

/**
 * Which Fodfæste user a sign-in at the municipality's provider belongs to (issue 22).
 * A provider account is linked to a user by its issuer + subject, and a link is only
 * made when the user has proven it: a password (+ TOTP) login in the same browser
 * right after the provider sign-in (`linkOidc`), or a first sign-in whose e-mail the
 * provider asserts as verified (`email_verified: true`, a missing claim is not
 * enough) in partnerships that all chose to trust the provider's e-mails
 * (partnerships.oidc_trust_email, default off). A user with TOTP still gives a code
 * after the provider's sign-in unless the provider asserts MFA (amr/acr) and all the
 * user's partnerships accept that (partnerships.oidc_accept_mfa, default off).
 * A refused or unfinished sign-in writes nothing on the user, so an attacker's try
 * never blocks the real owner's later link.
 */
export const OIDC_LINK_COOKIE = 'fodfaeste_oidc_link';
const LINK_COOKIE_PATH = '/api/auth';
const PENDING_MINUTES = 10;
/** RFC 8176 methods that are a second factor (or several). */
const MFA_AMR = new Set(['mfa', 'otp', 'hwk', 'swk', 'sc', 'fpt', 'face', 'iris', 'retina']);

export interface ProviderClaims { iss: string; sub: string; email?: string; email_verified?: boolean; amr?: string[]; acr?: string }

export type StaffMatch = { kind: 'user'; userId: string; codeNeeded: boolean } | { kind: 'unlinked' };

const hash = (s: string) => createHash('sha256').update(s).digest('hex');

export const linkNeeded = (email: string | undefined) => new AppError(403, 'oidc_link_needed',
  `Kommunens login${email ? ` (${email})` : ''} er endnu ikke koblet til en bruger i Fodfæste. Log ind én gang med din e-mail og adgangskode (og koden fra din app, hvis du bruger to-trins-login) for at koble dem sammen, eller bed en administrator i dit netværk om hjælp.`);
export const oidcCodeNeeded = () => new AppError(401, 'oidc_totp_required', 'Du bruger to-trins-login. Indtast den 6-cifrede kode fra din godkendelses-app for at gøre login færdigt.');
const linkExpired = () => new AppError(400, 'oidc_link_expired', 'Koblingen til kommunens login er udløbet eller allerede brugt. Start forfra med «Log ind med kommunens login».');
const linkedElsewhere = () => new AppError(409, 'oidc_linked_elsewhere', 'Dette login hos kommunen er allerede koblet til en anden bruger i Fodfæste. Kontakt en administrator i dit netværk.');
export const inactive = () => new AppError(403, 'oidc_inactive', 'Din bruger i Fodfæste er deaktiveret. Kontakt en administrator i dit netværk, hvis du skal have adgang igen.');
export const notStaff = () => new AppError(403, 'oidc_not_staff', 'Kommunens login er kun for kommunens medarbejdere. Log ind med e-mail og adgangskode.');

/** True when the provider says the sign-in used more than one factor (amr), or reached a configured level (acr). */
export function providerAssertsMfa(claims: Pick<ProviderClaims, 'amr' | 'acr'>, config: Pick<Config, 'OIDC_MFA_ACR'>): boolean {
  if (claims.amr?.some((m) => MFA_AMR.has(m.toLowerCase()))) return true;
  const acrs = (config.OIDC_MFA_ACR ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return Boolean(claims.acr && acrs.includes(claims.acr));
}

/** Every partnership the user belongs to has the setting on (and the user belongs to at least one). */
async function everyPartnershipAllows(trx: Trx, userId: string, setting: 'oidc_trust_email' | 'oidc_accept_mfa') {
  const rows = await trx.selectFrom('memberships as m').innerJoin('partnerships as p', 'p.id', 'm.partnership_id')
    .select(`p.${setting} as on`).where('m.user_id', '=', userId).execute();
  return rows.length > 0 && rows.every((r) => r.on);
}

export async function matchStaffUser(db: Db, config: Pick<Config, 'OIDC_MFA_ACR'>, claims: ProviderClaims): Promise<StaffMatch> {
  const email = claims.email?.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    const cols = ['id', 'active', 'oidc_subject', 'oidc_issuer'] as const;
    let user = await trx.selectFrom('users').select(cols).where('oidc_subject', '=', claims.sub)
      .where((eb) => eb.or([eb('oidc_issuer', '=', claims.iss), eb('oidc_issuer', 'is', null)])).executeTakeFirst();
    let link = false;
    if (!user && email && claims.email_verified === true) {
      const byEmail = await trx.selectFrom('users').select(cols).where((eb) => eb(eb.fn('lower', ['email']), '=', email)).executeTakeFirst();
      if (byEmail && byEmail.oidc_subject === null && (await everyPartnershipAllows(trx, byEmail.id, 'oidc_trust_email'))) {
        user = byEmail;
        link = true;
      }
    }
    if (!user) return { kind: 'unlinked' } as const;
    if (!user.active) throw inactive();
    const staff = await trx.selectFrom('memberships').select('role').where('user_id', '=', user.id).where('role', 'in', OIDC_ROLES).executeTakeFirst();
    if (!staff) throw notStaff();
    if (link || user.oidc_issuer === null) {
      await trx.updateTable('users').set({ oidc_subject: claims.sub, oidc_issuer: claims.iss }).where('id', '=', user.id).execute();
    }
    const totp = await trx.selectFrom('user_totp').select('user_id').where('user_id', '=', user.id).where('enabled_at', 'is not', null).executeTakeFirst();
    const codeNeeded = Boolean(totp) && !(providerAssertsMfa(claims, config) && (await everyPartnershipAllows(trx, user.id, 'oidc_accept_mfa')));
    return { kind: 'user', userId: user.id, codeNeeded } as const;
  });
}

/** Keeps the provider's answer for 10 minutes, for a link by password login or a TOTP code, in this browser only. */
export async function holdPendingLogin(db: Db, req: FastifyRequest, reply: FastifyReply, claims: ProviderClaims, userId: string | null, clock: Clock = systemClock) {
  const token = randomBytes(32).toString('base64url');
  await db.deleteFrom('oidc_pending_logins').where('created_at', '<', new Date(clock.now().getTime() - PENDING_MINUTES * 60_000)).execute();
  await db.insertInto('oidc_pending_logins').values({
    token_hash: hash(token), issuer: claims.iss, subject: claims.sub, email: claims.email ?? null, user_id: userId, created_at: clock.now(),
  }).execute();
  reply.setCookie(OIDC_LINK_COOKIE, token, {
    path: LINK_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: req.protocol === 'https' || !isLocalHost(req), maxAge: PENDING_MINUTES * 60,
  });
}

/** The pending sign-in of this browser (not yet used, at most 10 minutes old); `take` uses it up. */
export async function pendingLogin(db: Db, req: FastifyRequest, opts: { take: boolean }, clock: Clock = systemClock) {
  const token = req.cookies[OIDC_LINK_COOKIE];
  if (!token) return null;
  const since = new Date(clock.now().getTime() - PENDING_MINUTES * 60_000);
  const row = opts.take
    ? await db.deleteFrom('oidc_pending_logins').where('token_hash', '=', hash(token)).returningAll().executeTakeFirst()
    : await db.selectFrom('oidc_pending_logins').selectAll().where('token_hash', '=', hash(token)).executeTakeFirst();
  return row && new Date(row.created_at) > since ? row : null;
}

export const forgetPendingLogin = (reply: FastifyReply) => reply.clearCookie(OIDC_LINK_COOKIE, { path: LINK_COOKIE_PATH });

/**
 * After a password (+ TOTP) login with `linkOidc`: binds the provider account held
 * in this browser to the user who just proved who they are.
 */
export async function completeOidcLink(db: Db, req: FastifyRequest, reply: FastifyReply, userId: string) {
  const pending = await pendingLogin(db, req, { take: true });
  forgetPendingLogin(reply);
  if (!pending || pending.user_id !== null) throw linkExpired();
  await db.transaction().execute(async (trx) => {
    const staff = await trx.selectFrom('memberships').select('role').where('user_id', '=', userId).where('role', 'in', OIDC_ROLES).executeTakeFirst();
    if (!staff) throw notStaff();
    const other = await trx.selectFrom('users').select('id').where('oidc_subject', '=', pending.subject).where('id', '<>', userId).executeTakeFirst();
    if (other) throw linkedElsewhere();
    await trx.updateTable('users').set({ oidc_subject: pending.subject, oidc_issuer: pending.issuer }).where('id', '=', userId).execute();
  });
}
