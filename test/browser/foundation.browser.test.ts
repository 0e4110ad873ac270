import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import type { Role } from '../../src/core/policy.ts';
import { checkA11y, loginAs, pageProblems, screenshot, startBrowserEnv, WIDTHS, type BrowserEnv } from '../helpers/browser.ts';

// The <h1> each role lands on; no two are alike.
const START_HEADINGS: Record<Role, string> = {
  counsellor: 'Din side som ungevejleder',
  company_contact: 'Din side som virksomhedskontakt',
  volunteer_mentor: 'Din side som mentor',
  association_contact: 'Din side som foreningskontakt',
  young_person: 'Min side',
  steering_group: 'Styregruppens overblik',
  admin: 'Administration af partnerskabet',
};

const account = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!;

let env: BrowserEnv;

beforeAll(async () => {
  env = await startBrowserEnv();
}, 240_000);

afterEach(async () => {
  await env?.closePages();
});

afterAll(async () => {
  await env?.close();
});

async function expectClean(page: Page) {
  // The session probe on the login page answers 401 by design; anything else is a fault (CSP refusals included).
  expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
}

describe('login page', () => {
  it('is in Danish, passes axe and looks right at 360 and 1280 px', async () => {
    for (const width of WIDTHS) {
      const page = await env.newPage(width);
      await page.goto('/');
      await page.waitForURL('**/login');
      await page.getByRole('heading', { level: 1, name: 'Log ind', exact: true }).waitFor();
      await page.waitForFunction((title) => document.title === title, 'Log ind – Fodfæste');
      expect(await page.locator('html').getAttribute('lang')).toBe('da');
      await expect(page.getByRole('link', { name: 'Gå til indhold' }).count()).resolves.toBe(1);
      await checkA11y(page, 'login');
      await screenshot(page, 'login');
      await expectClean(page);
    }
  });

  it('shows the Danish error in the form for a wrong password, and field errors for empty fields', async () => {
    const page = await env.newPage(360);
    await page.goto('/login');
    await page.getByRole('button', { name: 'Log ind' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Ret venligst følgende' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual(['Skriv din e-mail', 'Skriv din adgangskode']);
    expect(await page.getByLabel('E-mail').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('E-mail').getAttribute('aria-describedby')).toBe('login-email-error');

    await page.getByLabel('E-mail').fill(account('counsellor').email);
    await page.getByLabel('Adgangskode').fill('helt-forkert-kode');
    await page.getByRole('button', { name: 'Log ind' }).click();
    const alert = page.locator('form').getByRole('alert').filter({ hasText: 'Forkert e-mail eller adgangskode.' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Du blev ikke logget ind');
    expect(new URL(page.url()).pathname).toBe('/login');
    await checkA11y(page, 'login with error');
    await screenshot(page, 'login-error');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  });

  it('sends a visitor to the login page and back to the page asked for after login', async () => {
    const page = await env.newPage(1280);
    await page.goto('/partnership');
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/partnership');
    await page.getByLabel('E-mail').fill(account('counsellor').email);
    await page.getByLabel('Adgangskode').fill('Fodfaeste-demo-2026');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL('**/partnership');
    await page.getByRole('heading', { level: 1, name: 'Skift partnerskab' }).waitFor();
  });
});

describe('role start pages', () => {
  for (const role of Object.keys(START_HEADINGS) as Role[]) {
    it(`${role} lands on their own start page, which passes axe at 360 and 1280 px`, async () => {
      const page = await env.newPage(1280);
      await loginAs(page, account(role).email);
      expect(new URL(page.url()).pathname).toBe('/');
      await page.getByRole('heading', { level: 1, name: START_HEADINGS[role], exact: true }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([START_HEADINGS[role]]);
      await page.waitForFunction((title) => document.title === title, `${START_HEADINGS[role]} – Fodfæste`);
      // Who is logged in, in which role and partnership.
      expect(await page.locator('.additional-info').textContent()).toContain(account(role).name);
      expect(await page.locator('.additional-info').textContent()).toContain('Aulum Milen (demo)');
      await page.waitForLoadState('networkidle');
      for (const width of [1280, 360] as const) {
        await page.setViewportSize({ width, height: width === 360 ? 740 : 900 });
        await checkA11y(page, `start page ${role}`);
        await screenshot(page, `start-${role}`);
      }
      await expectClean(page);
    });
  }

  it('shows the counsellor the real caseload counts from GET /api/youth', async () => {
    const main = await env.database.db.selectFrom('partnerships').select('id').where('slug', '=', 'aulum-milen-demo').executeTakeFirstOrThrow();
    const counsellor = await env.database.db.selectFrom('users').select('id').where('email', '=', account('counsellor').email).executeTakeFirstOrThrow();
    const count = async (mine: boolean) => {
      let q = env.database.db.selectFrom('young_people').select((eb) => eb.fn.countAll<string>().as('n')).where('partnership_id', '=', main.id);
      if (mine) q = q.where('counsellor_id', '=', counsellor.id);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const [total, mine] = [await count(false), await count(true)];
    expect(total).toBeGreaterThan(0);

    const page = await env.newPage(1280);
    await loginAs(page, account('counsellor').email);
    await page.getByTestId('caseload-total').waitFor();
    expect(await page.getByTestId('caseload-total').textContent()).toBe(String(Math.min(total, 200)) + (total >= 200 ? '+' : ''));
    expect(await page.getByTestId('caseload-mine').textContent()).toBe(String(mine));
  });
});

describe('shell', () => {
  it('switches the UI to English and remembers it after a reload', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, account('counsellor').email);
    await page.getByRole('heading', { level: 1, name: START_HEADINGS.counsellor }).waitFor();
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your page as youth counsellor' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Log out' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Skip to content' }).count()).toBe(1);
    await checkA11y(page, 'start page in English');
    await screenshot(page, 'start-counsellor-en');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your page as youth counsellor' }).waitFor();
    await page.getByRole('link', { name: 'Dansk' }).click();
    await page.getByRole('heading', { level: 1, name: START_HEADINGS.counsellor }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
  });

  it('logs out and returns to the login page; the start page then needs a new login', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, account('admin').email);
    await page.getByRole('heading', { level: 1, name: START_HEADINGS.admin }).waitFor();
    await page.getByRole('button', { name: 'Log ud' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { level: 1, name: 'Log ind' }).waitFor();
    expect(await page.getByText('Du er logget ud.').count()).toBe(1);
    await page.goto('/');
    await page.waitForURL('**/login');
    const res = await page.request.get('/api/auth/session');
    expect(res.status()).toBe(401);
  });

  it('sends the user back to login with an explanation when the session runs out during use', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, account('counsellor').email);
    await page.goto('/findes-ikke');
    await page.getByRole('heading', { level: 1, name: 'Siden findes ikke' }).waitFor();
    const user = await env.database.db.selectFrom('users').select('id').where('email', '=', account('counsellor').email).executeTakeFirstOrThrow();
    await env.database.db.deleteFrom('sessions').where('user_id', '=', user.id).execute();
    // The start page's caseload call now answers 401.
    await page.getByRole('link', { name: 'Gå til forsiden' }).click();
    await page.waitForURL('**/login');
    await page.getByText('Du er blevet logget ud, fordi du ikke har været aktiv i et stykke tid. Log ind igen.').waitFor();
    // Logging in again returns to the page that was being opened.
    await page.getByLabel('E-mail').fill(account('counsellor').email);
    await page.getByLabel('Adgangskode').fill('Fodfaeste-demo-2026');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByRole('heading', { level: 1, name: START_HEADINGS.counsellor }).waitFor();
  });

  it('shows a "no access" page when a role opens a page meant for other roles', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, account('young_person').email);
    await page.goto('/youth'); // the caseload: counsellors and admins only
    await page.getByRole('heading', { level: 1, name: 'Du har ikke adgang til denne side' }).waitFor();
    expect(await page.getByRole('link', { name: 'Gå til forsiden' }).count()).toBe(1);
  });

  it('has a mobile menu at 360 px that opens as a dialog, holds the navigation and logout, and closes with Escape', async () => {
    const page = await env.newPage(360);
    await loginAs(page, account('counsellor').email);
    await page.getByRole('heading', { level: 1, name: START_HEADINGS.counsellor }).waitFor();
    // On a phone the desktop navigation is hidden behind the menu button.
    expect(await page.locator('.navigation-menu').isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu' }).click();
    const dialog = page.getByRole('dialog', { name: 'Menu' });
    await dialog.waitFor();
    expect(await dialog.getByRole('link', { name: 'Forside' }).getAttribute('aria-current')).toBe('page');
    expect(await dialog.getByRole('button', { name: 'Log ud' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Luk menu');
    await checkA11y(page, 'mobile menu open');
    await screenshot(page, 'mobile-menu');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menu');
  });

  it('lets a user with two memberships switch partnership and lands on the start page of the new role', async () => {
    const db = env.database.db;
    const other = await db.selectFrom('partnerships').select(['id', 'name']).where('slug', '=', 'paa-vej-billund-demo').executeTakeFirstOrThrow();
    const user = await db.selectFrom('users').select('id').where('email', '=', account('company_contact').email).executeTakeFirstOrThrow();
    await db.insertInto('memberships').values({ user_id: user.id, partnership_id: other.id, role: 'steering_group' }).execute();

    const page = await env.newPage(1280);
    await loginAs(page, account('company_contact').email);
    await page.getByRole('heading', { level: 1, name: START_HEADINGS.company_contact }).waitFor();
    await page.getByRole('link', { name: 'Skift partnerskab' }).click();
    await page.getByRole('heading', { level: 1, name: 'Skift partnerskab' }).waitFor();
    await checkA11y(page, 'partnership switcher');
    await screenshot(page, 'partnership-switch');
    await page.getByLabel(`${other.name} – Styregruppe`).check();
    await page.getByRole('button', { name: 'Skift' }).click();
    await page.getByRole('heading', { level: 1, name: START_HEADINGS.steering_group }).waitFor();
    expect(await page.locator('.additional-info').textContent()).toContain(other.name);
    // The server agrees: the session now acts in the other partnership.
    const session = await (await page.request.get('/api/auth/session')).json();
    expect(session.partnership.id).toBe(other.id);
    expect(session.role).toBe('steering_group');
    await expectClean(page);
  });
});

describe('texts', () => {
  const keys = (o: unknown, prefix = ''): string[] =>
    Object.entries(o as Record<string, unknown>).flatMap(([k, v]) =>
      typeof v === 'object' && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]).sort();
  const read = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as unknown;

  it('has every Danish shell and start page text in English too, and no empty texts', () => {
    for (const dir of ['web/src/i18n', 'web/src/features/start/i18n']) {
      const da = read(`${dir}/da.json`);
      const en = read(`${dir}/en.json`);
      expect(keys(en), dir).toEqual(keys(da));
      const empty = keys(da).filter((k) => !k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], da));
      expect(empty, dir).toEqual([]);
    }
  });
});
