import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { loadConfig, type Config } from '../../src/core/config.ts';
import { buildApp } from '../../src/app.ts';
import type { App } from '../../src/core/app-types.ts';
import type { Database } from '../../src/core/db.ts';
import { DEMO_PASSWORD } from '../../src/demo/accounts.ts';
import { createTestDatabase } from './db.ts';
import { CHROMIUM, CHROMIUM_ARGS, ENABLE_BROWSER_TESTS } from './chromium.ts';
import { ensureWebBuilt } from './web-build.ts';

export { CHROMIUM, CHROMIUM_ARGS };
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startSmtpReceiver, type SmtpReceiver } from '../../src/reminders/test-receivers.ts';

/**
 * Browser tests: the real server (buildApp) on a random port over a fresh test
 * database with the demo seed, the built web client, and Debian's Chromium driven
 * by playwright-core. A missing browser fails the test; it never skips.
 */

export const WIDTHS = [360, 1280] as const;
export type Width = (typeof WIDTHS)[number];
const SCREENSHOTS = path.resolve('test-output/screenshots');

export interface BrowserEnv {
  baseUrl: string;
  app: App;
  database: Database;
  browser: Browser;
  /** A page in a fresh browser context (own cookies and localStorage) at the given width. */
  newPage(width?: Width): Promise<Page>;
  /** Closes every page opened so far (call it after each test: open pages keep polling). */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/** `overrides` change the server's config, e.g. SMTP_URL for a local test mail server. */
export async function startBrowserEnv(overrides: Partial<Config> = {}): Promise<BrowserEnv> {
  ensureWebBuilt();
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: browser tests need it (${ENABLE_BROWSER_TESTS}).`);
  const database = await createTestDatabase({ demo: true });
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), RATE_LIMIT_IP_PER_MINUTE: 0, RATE_LIMIT_USER_PER_MINUTE: 0, ...overrides };
  const app = await buildApp({ config, database, db: database.db }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    database,
    browser,
    async newPage(width = 1280) {
      const context = await browser.newContext({
        baseURL: `http://127.0.0.1:${port}`,
        viewport: { width, height: width === 360 ? 740 : 900 },
        locale: 'da-DK',
      });
      contexts.push(context);
      const page = await context.newPage();
      watchProblems(page);
      return page;
    },
    async closePages() {
      for (const c of contexts.splice(0)) await c.close().catch(() => {});
    },
    async close() {
      for (const c of contexts.splice(0)) await c.close().catch(() => {});
      await browser.close();
      await app.close();
      await database.close();
    },
  };
}

const problems = new WeakMap<Page, string[]>();

/** Collects what a user never should cause: script errors, CSP refusals, failed requests, console errors. */
function watchProblems(page: Page) {
  const list: string[] = [];
  problems.set(page, list);
  page.on('pageerror', (err) => list.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') list.push(`console error: ${msg.text()}`);
  });
  page.on('requestfailed', (req) => {
    // Aborted fetches (navigation away mid-request) are normal in an SPA.
    if (req.failure()?.errorText !== 'net::ERR_ABORTED') list.push(`request failed: ${req.url()} ${req.failure()?.errorText}`);
  });
}

/** Problems seen on the page so far (CSP violations show up as console errors). `expected` filters out known ones, e.g. a 401. */
export function pageProblems(page: Page, expected: RegExp[] = []): string[] {
  return (problems.get(page) ?? []).filter((p) => !expected.some((re) => re.test(p)));
}

export async function loginAs(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel(/^(E-mail|Email)$/).fill(email);
  await page.getByLabel(/^(Adgangskode|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Log ind|Log in)$/ }).click();
  // Either the login form goes (React swaps the page a moment after the URL changes) or an error shows.
  const gone = page.locator('#login-email').waitFor({ state: 'detached', timeout: 20_000 }).then(() => null);
  const failed = page.locator('form [role="alert"]').waitFor({ timeout: 20_000 }).then(() => page.locator('form [role="alert"]').innerText());
  const error = await Promise.race([gone, failed.catch(() => new Promise<never>(() => {}))]);
  if (error) throw new Error(`Login as ${email} failed: ${error}`);
}

/** Runs axe (WCAG 2.0/2.1 A and AA) and fails with a readable list of every violation. */
export async function checkA11y(page: Page, label = page.url()) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  if (result.violations.length === 0) return;
  const lines = result.violations.flatMap((v) => [
    `- ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
    ...v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ')}`),
  ]);
  throw new Error(`Accessibility violations on ${label} (${page.viewportSize()?.width} px):\n${lines.join('\n')}`);
}

/** Saves a full-page screenshot as test-output/screenshots/<name>-<width>.png. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const file = path.join(SCREENSHOTS, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * For a test file with one browser env: registers the file's hooks (start, pages
 * closed after each test, close) and returns the env, filled in once `beforeAll` has run.
 */
export function useBrowserEnv(overrides: Partial<Config> = {}): { env: BrowserEnv } {
  const ctx = {} as { env: BrowserEnv };
  beforeAll(async () => {
    ctx.env = await startBrowserEnv(overrides);
  }, 240_000);
  afterEach(() => ctx.env?.closePages());
  afterAll(() => ctx.env?.close());
  return ctx;
}

/**
 * For a test file whose server sends mail: registers the file's hooks (a local SMTP
 * receiver, the browser env mailing to it, pages closed after each test) and returns
 * both, filled in once `beforeAll` has run.
 */
export function browserEnvWithMail(): { env: BrowserEnv; smtp: SmtpReceiver } {
  const ctx = {} as { env: BrowserEnv; smtp: SmtpReceiver };
  beforeAll(async () => {
    ctx.smtp = await startSmtpReceiver();
    ctx.env = await startBrowserEnv({ SMTP_URL: ctx.smtp.url });
  }, 300_000);
  afterEach(() => ctx.env?.closePages());
  afterAll(async () => {
    await ctx.env?.close();
    await ctx.smtp?.close();
  });
  return ctx;
}

/** How far the page is wider than the viewport (0 = no sideways scrolling). */
export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** No sideways scrolling; on failure, names the elements that stick out (tables that scroll in their own region excepted). */
export async function expectNoSidewaysScroll(page: Page) {
  const wide = await page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 1;
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > edge && !e.closest('.table--responsive-scroll'))
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)})`);
  });
  expect(wide).toEqual([]);
  expect(await horizontalOverflow(page)).toBe(0);
}
