import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, loginAs, pageProblems, screenshot, startBrowserEnv, type BrowserEnv } from '../../test/helpers/browser.ts';
import { makeYoungPerson } from '../../test/helpers/factories.ts';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 300_000);
afterAll(() => env?.close());

const isoDate = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

describe('counsellor journey', () => {
  it('takes in a young person, screens, writes a plan and sets a follow-up that shows on "Mine opfølgninger"', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.goto('/youth/new');
    await page.getByRole('heading', { level: 1, name: /Tag imod en ung/ }).waitFor();
    await checkA11y(page, 'intake');
    const birth = new Date();
    birth.setFullYear(birth.getFullYear() - 20);
    birth.setDate(birth.getDate() - 3);
    await page.getByLabel('Hvem henviste den unge?').selectOption('school');
    await page.getByLabel('Fornavn').fill('Bjørk');
    await page.getByLabel('Efternavn').fill('Ågård');
    await page.getByLabel('Fødselsdato').fill(isoDate(birth));
    await expect(page.getByTestId('intake-age').textContent()).resolves.toContain('20 år');
    await page.getByLabel('Telefon').fill('20304050');
    await page.getByRole('button', { name: 'Opret' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bjørk Ågård' }).waitFor();

    // Screening
    await page.getByRole('checkbox', { name: /Selvværd/ }).check();
    await page.getByLabel('Styrker').fill('Grundig, Rolig');
    await page.getByLabel('Parathedskategori').selectOption('activity_ready');
    // Practical limits that matching uses (issue #7).
    await page.getByLabel('Kan klare tunge løft').selectOption('no');
    await page.getByLabel('Har brug for en mentor, der kan kontaktes efter kl. 17').selectOption('required');
    await checkA11y(page, 'screening-form');
    await page.getByRole('button', { name: 'Gem ny version af afklaringen' }).click();
    await expect(page.getByTestId('screening-history').textContent()).resolves.toMatch(/Version 1/);
    await page.reload();
    await expect(page.getByLabel('Kan klare tunge løft').inputValue()).resolves.toBe('no');
    await expect(page.getByLabel('Kan møde tidligt om morgenen (før kl. 7)').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('Har brug for en mentor, der kan kontaktes efter kl. 17').inputValue()).resolves.toBe('required');

    // Plan
    await page.getByRole('button', { name: 'Tilføj mål' }).click();
    await page.getByLabel('Mål', { exact: true }).fill('Prøve en praktik på et lager');
    await page.getByRole('button', { name: 'Gem planen' }).click();
    await page.getByText('Planen har 1 version.').waitFor();

    // Follow-up today
    await page.getByLabel('Næste opfølgning').fill(isoDate(new Date()));
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Gemt.').waitFor();
    await checkA11y(page, 'young person page');
    await screenshot(page, 'youth-person');

    await page.goto('/');
    const today = page.getByTestId('follow-ups-today');
    await today.getByRole('link', { name: 'Bjørk Ågård' }).waitFor();
    await checkA11y(page, 'counsellor start page');
    await page.goto('/youth');
    await page.getByLabel('Søg på navn').fill('aagaard');
    await page.getByRole('button', { name: 'Vis' }).click();
    await page.getByRole('link', { name: 'Bjørk Ågård' }).waitFor();
    await checkA11y(page, 'caseload');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 120_000);
});

describe('young person journey (360 px)', () => {
  it('finds the contact person, turns a consent switch off and on, and sees the access log', async () => {
    // The counsellor opens Sofie's record first, so there is an access to show her.
    const sofieId = (await env.database.db.selectFrom('young_people').select('id').where('email', '=', 'ung@demo.fodfaeste.dk').executeTakeFirstOrThrow()).id;
    const counsellor = await env.newPage(1280);
    await loginAs(counsellor, 'vejleder@demo.fodfaeste.dk');
    await counsellor.goto(`/youth/${sofieId}`);
    await counsellor.getByRole('heading', { level: 1, name: 'Sofie Møller' }).waitFor();

    const page = await env.newPage(360);
    await loginAs(page, 'ung@demo.fodfaeste.dk');
    const call = page.getByRole('link', { name: /^Ring til Mette/ });
    await call.waitFor();
    expect(await call.getAttribute('href')).toMatch(/^tel:\+?\d+$/);
    await checkA11y(page, 'young person start page');
    await screenshot(page, 'me-start');

    await page.goto('/me/sharing');
    await page.getByRole('heading', { level: 1, name: 'Hvem må se hvad' }).waitFor();
    const network = page.getByRole('region', { name: /^Netværket Aulum Milen/ });
    const wishes = network.getByRole('switch', { name: /hvad jeg gerne vil arbejde med/ });
    await expect(wishes.getAttribute('aria-checked')).resolves.toBe('true');
    await wishes.click();
    await page.getByText(/^Gemt\. Netværket Aulum Milen.* kan ikke se: hvad jeg gerne vil arbejde med\.$/).waitFor({ state: 'attached' });
    await expect(wishes.getAttribute('aria-checked')).resolves.toBe('false');
    const last = () => env.database.db.selectFrom('consent_events').select(['item', 'granted']).where('young_person_id', '=', sofieId).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(await last()).toEqual({ item: 'screening.wishes', granted: false });
    await wishes.click();
    await page.getByText(/^Gemt\. Netværket Aulum Milen.* kan nu se: hvad jeg gerne vil arbejde med\.$/).waitFor({ state: 'attached' });
    await expect(wishes.getAttribute('aria-checked')).resolves.toBe('true');
    expect(await last()).toEqual({ item: 'screening.wishes', granted: true });
    await checkA11y(page, 'sharing');
    await screenshot(page, 'me-sharing');

    await page.goto('/me/access');
    await page.getByRole('heading', { level: 1, name: 'Hvem har set mine ting' }).waitFor();
    await page.getByRole('table').waitFor();
    await expect(page.getByRole('table').textContent()).resolves.toContain('En vejleder');
    await checkA11y(page, 'access log');
    // Nothing wider than the phone screen.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 120_000);
});

describe('caseload paging (360 px)', () => {
  it('shows the first 50 young people and the rest after "Vis flere"', async () => {
    const db = env.database.db;
    const demo = await db.selectFrom('partnerships').select('id').where('slug', '=', 'aulum-milen-demo').executeTakeFirstOrThrow();
    for (let i = 0; i < 60; i++) await makeYoungPerson(db, demo.id, { firstName: `Side${String(i).padStart(2, '0')}`, lastName: 'Østergård' });
    const total = Number((await db.selectFrom('young_people').select((eb) => eb.fn.countAll().as('n')).where('partnership_id', '=', demo.id).executeTakeFirstOrThrow()).n);
    expect(total).toBeGreaterThan(50);
    expect(total).toBeLessThanOrEqual(100);

    const page = await env.newPage(360);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.goto('/youth');
    await page.getByText('Viser 50 unge').waitFor();
    const rows = page.getByRole('table').locator('tbody tr');
    expect(await rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Vis flere' }).click();
    await page.getByText(`Viser ${total} unge`).waitFor();
    expect(await rows.count()).toBe(total);
    // The last page was short: nothing more to fetch.
    expect(await page.getByRole('button', { name: 'Vis flere' }).count()).toBe(0);
    await checkA11y(page, 'caseload, two pages');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 120_000);
});
