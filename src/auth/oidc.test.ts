import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../test/helpers/app.ts';
import { CookieClient } from '../../test/helpers/cookie-client.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { startLocalProvider, type LocalProvider } from '../../test/helpers/oidc-provider.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { OIDC_COOKIE } from './oidc.ts';
import { matchStaffUser, OIDC_LINK_COOKIE, providerAssertsMfa } from './oidc-link.ts';
import { totpAt } from './totp.ts';

/**
 * Staff sign-in with OpenID Connect, end to end against a real provider
 * (oidc-provider on a random port): our server starts the sign-in, the
 * provider's login and consent pages are driven over HTTP, and the answer is
 * posted back the way the login page does it.
 */
let idp: LocalProvider;
let t: TestApp;
let partnershipId: string;

beforeAll(async () => {
  idp = await startLocalProvider();
  t = await createTestApp({
    OIDC_ISSUER_URL: idp.issuer,
    OIDC_CLIENT_ID: idp.clientId,
    OIDC_CLIENT_SECRET: idp.clientSecret,
    OIDC_REDIRECT_URL: idp.redirectUrl,
  });
  partnershipId = (await makePartnership(t.db)).id;
  // This partnership trusts the provider's verified e-mails for a first link (the setting is off by default).
  await t.db.updateTable('partnerships').set({ oidc_trust_email: true }).where('id', '=', partnershipId).execute();
});
afterAll(async () => {
  await t?.close();
  await idp?.close();
});

const cookieOf = (res: LightMyRequestResponse, name: string) => res.cookies.find((c) => c.name === name)?.value;

/** Starts a sign-in like the login page's button: returns the provider URL and the browser's state cookie. */
async function start() {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/oidc/start' });
  expect(res.statusCode, res.body).toBe(200);
  return { url: (res.json() as { url: string }).url, stateCookie: cookieOf(res, OIDC_COOKIE)! };
}

const callback = (search: string, stateCookie?: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/oidc/callback', payload: { search }, headers: stateCookie ? { cookie: `${OIDC_COOKIE}=${stateCookie}` } : {} });

/** A whole sign-in as the provider account `sub`. */
async function signInAs(sub: string) {
  const { url, stateCookie } = await start();
  return callback(await idp.signIn(url, sub), stateCookie);
}

describe('staff sign-in with the municipality\'s login (OpenID Connect)', () => {
  it('the login page is told the municipality\'s login is offered only when it is configured', async () => {
    expect((await t.anonymous().get('/api/auth/methods')).json()).toEqual({ password: true, oidc: true });
    const plain = await createTestApp();
    try {
      expect((await plain.anonymous().get('/api/auth/methods')).json()).toEqual({ password: true, oidc: false });
      const refused = await plain.anonymous().post('/api/auth/oidc/start');
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error.message).toMatch(/ikke slået til/);
    } finally {
      await plain.close();
    }
  });

  it('a counsellor signs in through the provider (code flow with PKCE, state and nonce) and gets an ordinary session', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor');
    idp.accounts.set('medarbejder-1', { email: user.email.toUpperCase(), email_verified: true, name: 'Kari Kommune' });
    const { url, stateCookie } = await start();
    const auth = new URL(url);
    expect(auth.origin).toBe(idp.issuer);
    expect(auth.searchParams.get('code_challenge_method')).toBe('S256');
    expect(auth.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(auth.searchParams.get('state')).toBe(stateCookie);
    expect(auth.searchParams.get('nonce')).toBeTruthy();

    const back = await idp.signIn(url, 'medarbejder-1');
    expect(back).toMatch(/code=/);
    const res = await callback(back, stateCookie);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: user.id }, role: 'counsellor', partnership: { id: partnershipId } });
    const sid = cookieOf(res, SESSION_COOKIE);
    expect(sid).toBeTruthy();
    // The same kind of session as a password login: it opens the API.
    const session = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `${SESSION_COOKIE}=${sid}` } });
    expect(session.json()).toMatchObject({ user: { id: user.id }, role: 'counsellor' });
    expect((await t.db.selectFrom('sessions').select('user_id').where('user_id', '=', user.id).execute()).length).toBe(1);
    // The provider's subject is remembered: a later sign-in finds the user even after the e-mail changed at the provider.
    expect((await t.db.selectFrom('users').select('oidc_subject').where('id', '=', user.id).executeTakeFirstOrThrow()).oidc_subject).toBe('medarbejder-1');
    idp.accounts.set('medarbejder-1', { email: 'nyt-navn@kommune.invalid', email_verified: true });
    const again = await signInAs('medarbejder-1');
    expect(again.json()).toMatchObject({ user: { id: user.id } });
    // Like any session: a changed role ends it.
    const sid2 = cookieOf(again, SESSION_COOKIE);
    const probe = () => t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `${SESSION_COOKIE}=${sid2}` } });
    expect((await probe()).statusCode).toBe(200);
    await t.db.updateTable('memberships').set({ role: 'admin' }).where('user_id', '=', user.id).execute();
    expect((await probe()).statusCode).toBe(401);
  });

  it('an account the provider knows but Fodfæste does not is refused, in Danish, and nobody is created', async () => {
    idp.accounts.set('fremmed', { email: 'ukendt.person@kommune.invalid', email_verified: true });
    const usersBefore = await t.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const res = await signInAs('fremmed');
    expect(res.statusCode).toBe(403);
    // The same answer as for an existing but unlinked user: the sign-in does not tell which e-mails have a user.
    expect(res.json().error).toEqual({
      code: 'oidc_link_needed',
      message: 'Kommunens login (ukendt.person@kommune.invalid) er endnu ikke koblet til en bruger i Fodfæste. Log ind én gang med din e-mail og adgangskode (og koden fra din app, hvis du bruger to-trins-login) for at koble dem sammen, eller bed en administrator i dit netværk om hjælp.',
    });
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
    const usersAfter = await t.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(usersAfter.n)).toBe(Number(usersBefore.n));
  });

  it('an e-mail the provider marks as unverified does not match a user', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor');
    idp.accounts.set('uverificeret', { email: user.email, email_verified: false });
    expect((await signInAs('uverificeret')).json().error.code).toBe('oidc_link_needed');
  });

  it('a deactivated user is refused, and so is a user who is not municipal staff', async () => {
    const gone = await makeUser(t.db, partnershipId, 'admin');
    await t.db.updateTable('users').set({ active: false, deactivated_at: new Date() }).where('id', '=', gone.id).execute();
    idp.accounts.set('stoppet', { email: gone.email, email_verified: true });
    const res = await signInAs('stoppet');
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'oidc_inactive', message: expect.stringMatching(/deaktiveret/) });
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();

    const company = await makeUser(t.db, partnershipId, 'company_contact');
    idp.accounts.set('virksomhed', { email: company.email, email_verified: true });
    expect((await signInAs('virksomhed')).json().error).toMatchObject({ code: 'oidc_not_staff', message: expect.stringMatching(/kun for kommunens medarbejdere/) });
  });

  it('a wrong, missing or reused state is refused (the answer must come back to the browser that started, once)', async () => {
    const user = await makeUser(t.db, partnershipId, 'steering_group');
    idp.accounts.set('styregruppe', { email: user.email, email_verified: true });
    const mine = await start();
    const theirs = await start();
    const back = await idp.signIn(mine.url, 'styregruppe');

    // An attacker's answer pushed into another browser (login CSRF): that browser's cookie holds another state.
    const wrong = await callback(back, theirs.stateCookie);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'oidc_state', message: expect.stringMatching(/Start forfra/) });
    expect((await callback(back)).json().error.code).toBe('oidc_state');
    // A state in the URL changed to match a planted cookie: no sign-in was started with it.
    const forged = back.replace(/state=[^&]+/, 'state=forfalsket');
    expect((await callback(forged, 'forfalsket')).json().error.code).toBe('oidc_state');

    const ok = await callback(back, mine.stateCookie);
    expect(ok.statusCode, ok.body).toBe(200);
    const replay = await callback(back, mine.stateCookie);
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe('oidc_state');
  });

  it('a sign-in cancelled at the provider says so', async () => {
    const { url, stateCookie } = await start();
    const back = await idp.signIn(url, 'ingen', { abort: true });
    expect(back).toMatch(/error=access_denied/);
    const res = await callback(back, stateCookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'oidc_cancelled', message: expect.stringMatching(/afbrudt/) });
  });
});

/** A browser with all its cookies (session, OIDC state, pending link), for the multi-step link flows. */
class Browser extends CookieClient {
  async oidcSignIn(sub: string) {
    const started = await this.post('/api/auth/oidc/start');
    return this.post('/api/auth/oidc/callback', { search: await idp.signIn((started.json() as { url: string }).url, sub) });
  }
}

/** An administrator with two-factor login on, in a partnership that trusts nothing from the provider (the defaults). */
async function adminWithTotp() {
  const p = await makePartnership(t.db);
  const admin = await makeUser(t.db, p.id, 'admin');
  const c = await t.login(admin.email);
  const { secret } = (await c.post('/api/auth/totp/enrol')).json() as { secret: string };
  expect((await c.post('/api/auth/totp/confirm', { code: totpAt(secret, Date.now() - 30_000) })).statusCode).toBe(200);
  return { ...admin, partnershipId: p.id, secret };
}
const subjectOf = async (id: string) => (await t.db.selectFrom('users').select(['oidc_subject', 'oidc_issuer']).where('id', '=', id).executeTakeFirstOrThrow());

describe('account linking with the municipality\'s login (issue 22: takeover by an unverified e-mail)', () => {
  it('an identity-provider account claiming an administrator\'s e-mail (no email_verified claim) is refused, links nothing, and the owner links later', async () => {
    const admin = await adminWithTotp();
    // The attack from the probe: the provider account says it is the admin's e-mail, and says nothing about verifying it.
    idp.accounts.set('angriber', { email: admin.email });
    const attacker = new Browser(t.app);
    const res = await attacker.oidcSignIn('angriber');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('oidc_link_needed');
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
    expect(await subjectOf(admin.id)).toEqual({ oidc_subject: null, oidc_issuer: null });
    // Even "verified" is not enough while the partnership has not chosen to trust the provider's e-mails.
    idp.accounts.set('angriber', { email: admin.email, email_verified: true });
    expect((await attacker.oidcSignIn('angriber')).json().error.code).toBe('oidc_link_needed');
    expect((await subjectOf(admin.id)).oidc_subject).toBeNull();
    // The pending link in the attacker's browser is worthless without the admin's password.
    const guess = await attacker.post('/api/auth/login', { email: admin.email, password: 'gættet-kode-1', linkOidc: true });
    expect(guess.statusCode).toBe(401);
    expect((await subjectOf(admin.id)).oidc_subject).toBeNull();

    // The real owner is not locked out by the attempt: their own provider account links after password + TOTP.
    idp.accounts.set('ejer', { email: admin.email, email_verified: true });
    const owner = new Browser(t.app);
    expect((await owner.oidcSignIn('ejer')).json().error.code).toBe('oidc_link_needed');
    expect(owner.jar.has(OIDC_LINK_COOKIE)).toBe(true);
    const noCode = await owner.post('/api/auth/login', { email: admin.email, password: TEST_PASSWORD, linkOidc: true });
    expect(noCode.json().error.code).toBe('totp_required');
    const linked = await owner.post('/api/auth/login', { email: admin.email, password: TEST_PASSWORD, code: totpAt(admin.secret), linkOidc: true });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(await subjectOf(admin.id)).toEqual({ oidc_subject: 'ejer', oidc_issuer: idp.issuer });

    // From now on the owner signs in with the provider, and still gives the TOTP code (the provider asserted no MFA).
    const later = new Browser(t.app);
    const step1 = await later.oidcSignIn('ejer');
    expect(step1.statusCode).toBe(401);
    expect(step1.json().error).toMatchObject({ code: 'oidc_totp_required', message: expect.stringMatching(/6-cifrede kode/) });
    expect(cookieOf(step1, SESSION_COOKIE)).toBeUndefined();
    expect((await later.post('/api/auth/oidc/code', { code: '000000' })).statusCode).toBe(401);
    const step2 = await later.post('/api/auth/oidc/code', { code: totpAt(admin.secret, Date.now() + 30_000) });
    expect(step2.statusCode, step2.body).toBe(200);
    expect(step2.json()).toMatchObject({ user: { id: admin.id }, role: 'admin' });
    // The attacker's provider account still gets nothing.
    expect((await new Browser(t.app).oidcSignIn('angriber')).json().error.code).toBe('oidc_link_needed');
  });

  it('a trusted, verified e-mail links a user without TOTP at once; a missing email_verified does not', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor');
    idp.accounts.set('uden-claim', { email: user.email });
    expect((await signInAs('uden-claim')).json().error.code).toBe('oidc_link_needed');
    idp.accounts.set('verificeret', { email: user.email, email_verified: true });
    const res = await signInAs('verificeret');
    expect(res.statusCode, res.body).toBe(200);
    expect(await subjectOf(user.id)).toEqual({ oidc_subject: 'verificeret', oidc_issuer: idp.issuer });
  });

  it('a user with TOTP keeps TOTP after a trusted e-mail link unless the provider asserts MFA and the partnership accepts it', async () => {
    const admin = await adminWithTotp();
    await t.db.updateTable('partnerships').set({ oidc_trust_email: true }).where('id', '=', admin.partnershipId).execute();
    idp.accounts.set('admin-mfa', { email: admin.email, email_verified: true });
    const res = await signInAs('admin-mfa');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('oidc_totp_required');
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
    // The link itself is made (the e-mail was trusted); the decision on the second factor, with the claims the provider could send:
    const claims = { iss: idp.issuer, sub: 'admin-mfa', email: admin.email, email_verified: true };
    expect(await matchStaffUser(t.db, {}, { ...claims, amr: ['pwd', 'otp'] })).toEqual({ kind: 'user', userId: admin.id, codeNeeded: true });
    await t.db.updateTable('partnerships').set({ oidc_accept_mfa: true }).where('id', '=', admin.partnershipId).execute();
    expect(await matchStaffUser(t.db, {}, { ...claims, amr: ['pwd'] })).toEqual({ kind: 'user', userId: admin.id, codeNeeded: true });
    expect(await matchStaffUser(t.db, {}, { ...claims, amr: ['pwd', 'otp'] })).toEqual({ kind: 'user', userId: admin.id, codeNeeded: false });
    // A subject from another issuer is another account.
    expect(await matchStaffUser(t.db, {}, { ...claims, iss: 'https://andet-idp.invalid', email_verified: false })).toEqual({ kind: 'unlinked' });
    // Which claims count as MFA (RFC 8176 amr values, or an acr the installation names).
    expect(providerAssertsMfa({ amr: ['pwd'] }, {})).toBe(false);
    expect(providerAssertsMfa({}, {})).toBe(false);
    expect(providerAssertsMfa({ amr: ['pwd', 'otp'] }, {})).toBe(true);
    expect(providerAssertsMfa({ amr: ['hwk'] }, {})).toBe(true);
    expect(providerAssertsMfa({ acr: 'https://data.gov.dk/concept/core/nsis/loa/Substantial' }, { OIDC_MFA_ACR: 'https://data.gov.dk/concept/core/nsis/loa/Substantial, https://data.gov.dk/concept/core/nsis/loa/High' })).toBe(true);
    expect(providerAssertsMfa({ acr: 'https://data.gov.dk/concept/core/nsis/loa/Low' }, { OIDC_MFA_ACR: 'https://data.gov.dk/concept/core/nsis/loa/Substantial' })).toBe(false);
  });
});

describe('an administrator links a staff user to the municipality\'s login', () => {
  it('by the provider\'s subject: the user then signs in without a password step; a subject is linked to one user only; the link can be removed', async () => {
    const p = await makePartnership(t.db);
    const admin = await makeUser(t.db, p.id, 'admin');
    const counsellor = await makeUser(t.db, p.id, 'counsellor');
    const other = await makeUser(t.db, p.id, 'steering_group');
    const contact = await makeUser(t.db, p.id, 'company_contact');
    // The provider knows the counsellor under another e-mail and says nothing about verifying it: only the admin's link can tie them.
    idp.accounts.set('kommune-4711', { email: 'k.vejleder@kommune.invalid' });
    expect((await signInAs('kommune-4711')).json().error.code).toBe('oidc_link_needed');

    const a = await t.login(admin.email);
    const linked = await a.put(`/api/users/${counsellor.id}/oidc-link`, { subject: 'kommune-4711' });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toEqual({ subject: 'kommune-4711' });
    const res = await signInAs('kommune-4711');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ user: { id: counsellor.id }, role: 'counsellor' });
    expect(await subjectOf(counsellor.id)).toEqual({ oidc_subject: 'kommune-4711', oidc_issuer: idp.issuer });

    const twice = await a.put(`/api/users/${other.id}/oidc-link`, { subject: 'kommune-4711' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/allerede koblet til en anden bruger/);
    const notStaff = await a.put(`/api/users/${contact.id}/oidc-link`, { subject: 'kommune-9' });
    expect(notStaff.statusCode).toBe(400);
    expect(notStaff.json().error.message).toMatch(/kun kobles til medarbejdere/);
    // Another partnership's user is out of reach.
    expect((await a.put(`/api/users/${(await makeUser(t.db, partnershipId, 'counsellor')).id}/oidc-link`, { subject: 'x' })).statusCode).toBe(404);

    expect((await a.put(`/api/users/${counsellor.id}/oidc-link`, { subject: null })).json()).toEqual({ subject: null });
    expect((await signInAs('kommune-4711')).json().error.code).toBe('oidc_link_needed');
  });
});
