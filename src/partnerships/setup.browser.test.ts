import { existsSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { loadConfig, type Config } from '../core/config.ts';
import { buildApp } from '../app.ts';
import type { App } from '../core/app-types.ts';
import type { Database } from '../core/db.ts';
import { createTestDatabase } from '../../test/helpers/db.ts';
import { CHROMIUM, CHROMIUM_ARGS, checkA11y, expectNoSidewaysScroll, screenshot } from '../../test/helpers/browser.ts';
import { ensureWebBuilt } from '../../test/helpers/web-build.ts';
import { startSmsReceiver, waitFor } from '../reminders/test-receivers.ts';
import { createUser } from '../cli/create-user.ts';

/**
 * Day one on an EMPTY database (no demo seed), with no SMTP server and an SMS provider:
 * the installation administrator made by `create-user --installation-admin` creates a
 * partnership, invites the first counsellor with a copied link, the counsellor chooses a
 * password and logs in; then the counsellor resets the password by SMS. At 360 px.
 */
const ADMIN = { email: 'drift@kommune.example', password: 'Drift-kode-til-start-2027' };
const COUNSELLOR = { email: 'vera@kommune.example', phone: '+45 20 30 40 50' };
let database: Database;
let app: App;
let browser: Browser;
let base: string;
let sms: Awaited<ReturnType<typeof startSmsReceiver>>;

beforeAll(async () => {
  ensureWebBuilt();
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}`);
  sms = await startSmsReceiver();
  database = await createTestDatabase();
  process.env.FODFAESTE_PASSWORD = ADMIN.password;
  await createUser(database, { email: ADMIN.email, name: 'Drift', installationAdmin: true });
  delete process.env.FODFAESTE_PASSWORD;
  const config: Config = { ...loadConfig({ LOG_LEVEL: 'silent' }), RATE_LIMIT_IP_PER_MINUTE: 0, RATE_LIMIT_USER_PER_MINUTE: 0, SMTP_URL: undefined, SMS_URL: sms.url };
  app = await buildApp({ config, database, db: database.db }, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  config.PUBLIC_URL = base; // links in invitations and SMS point at this server
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await database?.close();
  await sms?.close();
});

async function phonePage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 360, height: 740 }, locale: 'da-DK' });
  return context.newPage();
}

async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
}

it('an administrator on an empty database creates a partnership and hands the first counsellor a link; the counsellor logs in and later resets the password by SMS', async () => {
  const page = await phonePage();
  // Asking for /installation while logged out: log in, then land where we asked (?next=).
  await page.goto('/installation');
  await page.waitForURL(/\/login\?next=%2Finstallation/);
  await logIn(page, ADMIN.email, ADMIN.password);
  await page.waitForURL(/\/installation$/);
  await page.getByRole('heading', { name: 'Opret partnerskab' }).waitFor();
  await page.getByLabel('Navn', { exact: true }).fill('Aulum Milen');
  expect(await page.getByLabel('Kortnavn').inputValue()).toBe('aulum-milen');
  await page.getByLabel('Tilføj en kommune').selectOption({ label: 'Herning (657)' });
  await page.getByRole('button', { name: 'Tilføj', exact: true }).click();
  await page.getByLabel('Fra år').fill('18');
  await page.getByLabel('Til år').fill('25');
  await checkA11y(page, 'installation');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'setup-installation-360');
  await page.getByRole('button', { name: 'Opret partnerskab' }).click();

  // The new partnership's start page: the setup checklist, nothing ticked yet but the catalog-free steps open.
  await page.getByRole('heading', { name: 'Kom i gang' }).waitFor();
  await page.getByText('0 af 6 trin er klaret.').waitFor();
  await checkA11y(page, 'start with checklist');
  await page.getByRole('link', { name: 'Invitér den første vejleder' }).click();
  await page.waitForURL(/\/admin\/users$/);
  await page.getByLabel('Navn', { exact: true }).fill('Vera Vejleder');
  await page.getByLabel('E-mail', { exact: true }).fill(COUNSELLOR.email);
  await page.getByLabel('Mobilnummer (valgfrit)').fill(COUNSELLOR.phone);
  await page.getByLabel('Vis et link, som jeg kopierer eller viser som QR-kode').check();
  await page.getByRole('button', { name: 'Opret og send invitation' }).click();
  const linkField = page.getByLabel('Link til at vælge en kode');
  await linkField.waitFor();
  const link = await linkField.inputValue();
  expect(link).toMatch(new RegExp(`^${base}/invitation#[A-Za-z0-9_-]{40,}$`));
  await page.getByRole('button', { name: 'Vis QR-kode' }).click();
  await page.getByRole('img', { name: 'QR-kode med invitationslinket til Vera Vejleder' }).waitFor();
  await checkA11y(page, 'handover');
  await expectNoSidewaysScroll(page);
  await screenshot(page, 'setup-handover-360');
  // The checklist ticks the first counsellor off by itself.
  await page.goto('/');
  await page.getByText('1 af 6 trin er klaret.').waitFor();

  // The counsellor opens the copied link on their own phone.
  const vera = await phonePage();
  await vera.goto(link);
  await vera.getByLabel('Ny kode').fill('Veras egen lange kode 2027');
  await vera.getByRole('button', { name: 'Gem min kode' }).click();
  await vera.getByRole('link', { name: 'Log ind nu' }).click();
  await logIn(vera, COUNSELLOR.email, 'Veras egen lange kode 2027');
  await vera.locator('#login-email').waitFor({ state: 'detached' });
  await vera.getByRole('heading', { level: 1 }).waitFor();
  expect(vera.url()).toBe(`${base}/`);

  // Later: "Glemt adgangskode?" by SMS (no SMTP here) to the phone given in the invitation.
  const forgot = await phonePage();
  await forgot.goto('/login');
  await forgot.getByRole('link', { name: 'Glemt adgangskode?' }).click();
  await forgot.getByLabel('E-mail').fill(COUNSELLOR.email);
  await forgot.getByRole('button', { name: 'Send mig et link' }).click();
  await forgot.getByText('Tjek din e-mail eller din telefon').waitFor();
  await checkA11y(forgot, 'forgot');
  await waitFor(() => sms.received.some((m) => m.to === COUNSELLOR.phone));
  const resetLink = /(https?:\/\/\S+\/password-reset#[A-Za-z0-9_-]+)/.exec(sms.received.find((m) => m.to === COUNSELLOR.phone)!.text)![1];
  await forgot.goto(resetLink);
  await forgot.getByLabel('Ny kode').fill('Endnu en ny lang kode 2028');
  await forgot.getByRole('button', { name: 'Gem den nye kode' }).click();
  await forgot.getByText('Din nye kode er gemt').waitFor();
  await forgot.locator('main').getByRole('link', { name: 'Log ind', exact: true }).click();
  await logIn(forgot, COUNSELLOR.email, 'Endnu en ny lang kode 2028');
  await forgot.locator('#login-email').waitFor({ state: 'detached' });
  // Vera's earlier session ended with the password change.
  const session = await vera.request.get('/api/auth/session');
  expect(session.status()).toBe(401);
}, 180_000);
