import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makePartnership, makeUser } from '../../test/helpers/factories.ts';
import { startLocalProvider, type LocalProvider } from '../../test/helpers/oidc-provider.ts';
import { SESSION_COOKIE } from './sessions.ts';
import { OIDC_COOKIE } from './oidc.ts';

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
    expect(res.json().error).toEqual({
      code: 'oidc_unknown_user',
      message: 'Kommunens login kender dig som ukendt.person@kommune.invalid, men der findes ingen bruger i Fodfæste med den e-mail. Bed en administrator i dit netværk om at oprette dig.',
    });
    expect(cookieOf(res, SESSION_COOKIE)).toBeUndefined();
    const usersAfter = await t.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(usersAfter.n)).toBe(Number(usersBefore.n));
  });

  it('an e-mail the provider marks as unverified does not match a user', async () => {
    const user = await makeUser(t.db, partnershipId, 'counsellor');
    idp.accounts.set('uverificeret', { email: user.email, email_verified: false });
    expect((await signInAs('uverificeret')).json().error.code).toBe('oidc_unknown_user');
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
