// A counsellor brings in a partnership's spreadsheets: 200 young people and 50
// companies from XLSX, each with a dry run first, then corrects a name.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { checkA11y, expectNoSidewaysScroll, loginAs, screenshot, startBrowserEnv, type BrowserEnv } from '../../test/helpers/browser.ts';
import { xlsxOf } from './testkit.ts';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 300_000);
afterEach(() => env?.closePages());
afterAll(() => env?.close());

const pad = (n: number) => String(n).padStart(2, '0');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

it('imports 200 young people and 50 companies from XLSX with a dry run first, then corrects a name', async () => {
  const youth = await xlsxOf(['Fornavn', 'Efternavn', 'Fødselsdato', 'Telefon', 'Henvist af'],
    Array.from({ length: 200 }, (_, i) => [`Importeret${i}`, `Ungesen${i}`, `${pad(1 + (i % 28))}.${pad(1 + (i % 12))}.${2002 + (i % 4)}`, `2${String(3000000 + i).padStart(7, '0')}`, 'Kommunen']));
  const companies = await xlsxOf(['Company', 'Contact', 'Opening', 'Placement kinds', 'Hours per day'],
    Array.from({ length: 50 }, (_, i) => [`Importfirma ${i}`, `Kontakt ${i}`, `Opgave ${i}`, 'Virksomhedspraktik', '3,5']));

  const page = await env.newPage(1280);
  await loginAs(page, 'vejleder@demo.fodfaeste.dk');
  await page.goto('/import');
  await page.getByRole('heading', { level: 1, name: 'Importér og eksportér' }).waitFor();
  await checkA11y(page, 'import page');

  await page.setInputFiles('#import-file', { name: 'unge.xlsx', mimeType: XLSX, buffer: youth });
  await page.getByRole('button', { name: 'Prøvekør importen' }).click();
  await page.getByText('Prøvekørslen fandt ingen fejl').waitFor();
  await page.getByText('200 rækker: 200 oprettes, 0 findes allerede, 0 med fejl.').waitFor();
  await checkA11y(page, 'import dry run report');
  await page.getByRole('button', { name: 'Importér 200 rækker' }).click();
  await page.getByText('Importen er gennemført').waitFor({ timeout: 30_000 });

  await page.getByLabel('Virksomheder (med kontaktpersoner og opgaver)').check();
  await page.setInputFiles('#import-file', { name: 'virksomheder.xlsx', mimeType: XLSX, buffer: companies });
  await page.getByRole('button', { name: 'Prøvekør importen' }).click();
  await page.getByText('50 rækker: 50 oprettes, 0 findes allerede, 0 med fejl.').waitFor();
  await page.getByRole('button', { name: 'Importér 50 rækker' }).click();
  await page.getByText('Importen er gennemført').waitFor({ timeout: 30_000 });
  await screenshot(page, 'imports-done');

  const db = env.database.db;
  const yp = await db.selectFrom('young_people').select(['id']).where('first_name', '=', 'Importeret7').executeTakeFirstOrThrow();
  expect(await db.selectFrom('young_people').select('id').where('first_name', 'like', 'Importeret%').execute()).toHaveLength(200);
  expect(await db.selectFrom('openings').select('id').where('title', 'like', 'Opgave %').execute()).toHaveLength(50);

  // The name was misspelt in the spreadsheet: corrected on the young person's page.
  await page.goto(`/youth/${yp.id}`);
  await page.getByRole('heading', { level: 1, name: 'Importeret7 Ungesen7' }).waitFor();
  await page.getByText(/Ret stamoplysninger/).click();
  await page.locator('#c-firstName').fill('Rettet');
  await page.getByRole('button', { name: 'Gem rettelsen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rettet Ungesen7' }).waitFor();
  const after = await db.selectFrom('young_people').select(['first_name', 'version']).where('id', '=', yp.id).executeTakeFirstOrThrow();
  expect(after).toEqual({ first_name: 'Rettet', version: 2 });
  expect(await db.selectFrom('audit_log').select('id').where('subject_id', '=', yp.id).where('action', '=', 'change').execute()).toHaveLength(1);

  // A phone: the import page fits 360 px.
  const phone = await env.newPage(360);
  await loginAs(phone, 'vejleder@demo.fodfaeste.dk');
  await phone.goto('/import');
  await phone.getByRole('heading', { level: 1, name: 'Importér og eksportér' }).waitFor();
  await expectNoSidewaysScroll(phone);
  await screenshot(phone, 'imports-360');
}, 240_000);
