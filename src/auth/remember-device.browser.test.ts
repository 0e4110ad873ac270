import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, horizontalOverflow, screenshot, startBrowserEnv, WIDTHS, type BrowserEnv } from '../../test/helpers/browser.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';

/**
 * "Husk denne telefon" (issue 21) as the company contact uses it: ticked at login on
 * the phone, listed in /settings as "den du bruger nu", and forgotten there.
 */
let env: BrowserEnv;
beforeAll(async () => { env = await startBrowserEnv(); });
afterAll(() => env?.close());

describe('a company contact remembers this phone', () => {
  it.each(WIDTHS)('ticks "Husk denne telefon" at login, sees the phone in /settings and forgets it (%i px)', async (width) => {
    const page = await env.newPage(width);
    await page.goto('/login');
    await page.getByLabel(/^E-mail$/).fill('virksomhed@demo.fodfaeste.dk');
    await page.getByLabel(/^Adgangskode$/).fill(DEMO_PASSWORD);
    await page.getByLabel('Husk denne telefon i 30 dage').check();
    await checkA11y(page, `login ${width}`);
    await screenshot(page, 'login-remember-phone');
    await page.getByRole('button', { name: /^Log ind$/ }).click();
    await page.locator('#login-email').waitFor({ state: 'detached' });
    const cookies = await page.context().cookies();
    const device = cookies.find((c) => c.name === 'fodfaeste_device');
    expect(device?.httpOnly).toBe(true);
    // About 30 days from now.
    expect(cookies.find((c) => c.name === 'fodfaeste_sid')!.expires - Date.now() / 1000).toBeGreaterThan(29 * 86_400);

    await page.goto('/settings');
    await page.getByRole('heading', { name: 'Husk denne telefon' }).waitFor();
    await page.getByText('(den du bruger nu)').waitFor();
    await checkA11y(page, `settings ${width}`);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'settings-remembered-phone');
    await page.getByRole('button', { name: /^Glem telefonen/ }).click();
    // The phone's own session ended with it: the app goes to the login page.
    await page.locator('#login-email').waitFor();
  });
});
