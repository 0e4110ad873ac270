import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import { checkA11y, pageProblems, screenshot, startBrowserEnv, WIDTHS, type BrowserEnv } from '../helpers/browser.ts';
import { startLocalProvider, type LocalProvider } from '../helpers/oidc-provider.ts';

/**
 * "Log ind med kommunens login" in the browser, against a real OpenID Connect
 * provider (oidc-provider) on another port: the button, the provider's own login
 * and consent pages, the way back to /login/oidc and the start page.
 */
let env: BrowserEnv;
let idp: LocalProvider;
const counsellor = DEMO_ACCOUNTS.find((a) => a.role === 'counsellor')!;

beforeAll(async () => {
  env = await startBrowserEnv();
  idp = await startLocalProvider(`${env.baseUrl}/login/oidc`);
  idp.accounts.set('k-12345', { email: counsellor.email, email_verified: true, name: counsellor.name });
  idp.accounts.set('k-99999', { email: 'ikke.oprettet@kommune.invalid', email_verified: true });
}, 240_000);
afterEach(async () => {
  await env?.closePages();
});
afterAll(async () => {
  await env?.close();
  await idp?.close();
});

/** The server's port is known only after it listens, so the provider settings are set on the running app's config. */
function configureOidc(on: boolean) {
  Object.assign(env.app.deps.config, on
    ? { OIDC_ISSUER_URL: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_REDIRECT_URL: idp.redirectUrl }
    : { OIDC_ISSUER_URL: undefined, OIDC_CLIENT_ID: undefined, OIDC_CLIENT_SECRET: undefined, OIDC_REDIRECT_URL: undefined });
}

/** Signs in on the provider's (development) pages, as a person would. */
async function signInAtProvider(page: import('playwright-core').Page, sub: string) {
  await page.waitForURL(`${idp.issuer}/**`);
  await page.locator('input[name="login"]').fill(sub);
  await page.locator('input[name="password"]').fill('kommunens-kode');
  await page.getByRole('button', { name: /Sign-in/ }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('logging in with the municipality\'s login', () => {
  it('the button is not shown when no provider is configured', async () => {
    configureOidc(false);
    const page = await env.newPage(360);
    await page.goto('/login');
    await page.getByRole('heading', { level: 1, name: 'Log ind', exact: true }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: 'Log ind med kommunens login' }).count()).toBe(0);
  });

  it('a counsellor signs in through the provider and lands on their start page (360 and 1280 px, axe)', async () => {
    configureOidc(true);
    for (const width of WIDTHS) {
      const page = await env.newPage(width);
      await page.goto('/login');
      const button = page.getByRole('button', { name: 'Log ind med kommunens login' });
      await button.waitFor();
      await checkA11y(page, 'login with the municipality\'s login');
      await screenshot(page, 'login-oidc');
      // The one 401 is the session probe on the login page before signing in.
      expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
      await button.click();
      await signInAtProvider(page, 'k-12345');
      // The provider's development pages load web fonts and a favicon that are not there; only our pages are judged.
      await page.waitForURL((u) => u.origin === env.baseUrl);
      const seen = pageProblems(page).length;
      if (width === WIDTHS[0]) {
        // The first time, the provider's account is linked by logging in once with the password (never by e-mail alone).
        await page.getByRole('heading', { name: 'Kobl kommunens login til din bruger' }).waitFor();
        await checkA11y(page, 'link the municipality\'s login');
        await page.getByRole('link', { name: 'Log ind og kobl sammen' }).click();
        await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('link') === 'oidc');
        await page.getByLabel('E-mail').fill(counsellor.email);
        await page.getByLabel('Adgangskode').fill('Fodfaeste-demo-2026');
        await page.getByRole('button', { name: 'Log ind', exact: true }).click();
      }
      // Linked: from now on the provider's sign-in leads straight to the start page.
      await page.waitForURL(`${env.baseUrl}/`);
      await page.getByRole('heading', { level: 1, name: 'Din side som ungevejleder' }).waitFor();
      // /login/oidc loads the app afresh, so its session probe answers 401 once more before the sign-in completes.
      // The first time the callback answers 403 (oidc_link_needed) before the link is made: that is the page's message, not a fault.
      const expectedStatus = width === WIDTHS[0] ? /(401 \(Unauthorized\)|403 \(Forbidden\))/ : /401 \(Unauthorized\)/;
      expect(pageProblems(page).slice(seen).filter((p) => !expectedStatus.test(p))).toEqual([]);
    }
  }, 120_000);

  it('a person the provider knows but Fodfæste does not gets the same Danish answer as an unlinked user, and a way on', async () => {
    configureOidc(true);
    const page = await env.newPage(360);
    await page.goto('/login');
    await page.getByRole('button', { name: 'Log ind med kommunens login' }).click();
    await signInAtProvider(page, 'k-99999');
    await page.waitForURL(`${env.baseUrl}/login/oidc`);
    await page.getByRole('heading', { name: 'Kobl kommunens login til din bruger' }).waitFor();
    const alert = page.locator('.alert');
    // The same answer as for a known person who has not linked yet: a sign-in must not tell whether an e-mail has a user.
    expect(await alert.innerText()).toContain('er endnu ikke koblet til en bruger i Fodfæste');
    expect(page.url()).not.toContain('code=');
    await checkA11y(page, 'oidc refusal');
    await screenshot(page, 'login-oidc-refused');
    await page.getByRole('link', { name: 'Log ind og kobl sammen' }).click();
    await page.waitForURL((u) => u.pathname === '/login');
  }, 120_000);
});
