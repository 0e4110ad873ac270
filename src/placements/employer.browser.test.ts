import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, expectNoSidewaysScroll, loginAs, pageProblems, screenshot, startBrowserEnv, type BrowserEnv } from '../../test/helpers/browser.ts';
import { addDays, attendanceDays, todayInDenmark } from './dates.ts';

/**
 * The company contact's phone (Bøgh & Søn Metal, virksomhed@): attendance for
 * exactly the days the server accepts, a new opening and its fields, contact
 * persons, and the network's stories. Then the counsellor's network overview.
 */
let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 300_000);
afterEach(() => env?.closePages());
afterAll(() => env?.close());


describe('the company contact on a 360 px phone', () => {
  it('corrects yesterday\'s attendance, creates and edits an opening, edits and removes a contact person', async () => {
    const page = await env.newPage(360);
    await loginAs(page, 'virksomhed@demo.fodfaeste.dk');
    await page.goto('/employer');
    await page.getByRole('heading', { level: 1, name: 'Fremmøde' }).waitFor();
    const today = todayInDenmark();
    const picker = page.getByLabel('Dag', { exact: true });
    const offered = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(attendanceDays(today));

    const yesterday = addDays(today, -1);
    await picker.selectOption(yesterday);
    const card = page.getByTestId('attendance-cards').locator('li.attendance-card').first();
    await card.waitFor();
    const name = (await card.getByRole('heading').textContent())!;
    // Whatever stood there (or nothing), change it to "Syg" – or to "Mødt" if it already said "Syg".
    const wasSick = await card.locator('button[aria-pressed="true"]', { hasText: 'Syg' }).count();
    const to = wasSick ? 'Mødt' : 'Syg';
    await card.getByRole('button', { name: to }).click();
    await page.getByText(`Gemt: ${name} – ${to}`).waitFor();
    await card.locator('button[aria-pressed="true"]', { hasText: to }).waitFor();
    // The network's shared story is on the employer home.
    await page.getByRole('heading', { level: 2, name: 'Historier fra netværket' }).waitFor();
    await page.getByTestId('network-stories').getByText('Fra én dag om ugen til fast job').waitFor();
    await checkA11y(page, 'employer home, yesterday');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'employer-home');

    await page.goto('/employer/company');
    await page.getByRole('heading', { level: 1, name: 'Vores virksomhed' }).waitFor();
    await page.getByRole('button', { name: 'Ny opgave' }).click();
    await page.getByLabel('Opgave (med almindelige ord)').fill('Vaske firmabiler');
    await page.getByLabel('Hvad skal den unge lave?').fill('Vaske og støvsuge bilerne om fredagen');
    await page.getByRole('checkbox', { name: 'Fritidsjob/småjob' }).check();
    await page.getByRole('checkbox', { name: 'Snusepraktik' }).uncheck();
    await page.getByLabel('Dage om ugen ved start').fill('1');
    await page.getByLabel('Timer om dagen ved start').fill('3');
    await page.getByRole('checkbox', { name: 'Kørekort' }).check();
    await page.getByRole('checkbox', { name: 'Mentoren kan nås efter arbejdstid' }).check();
    await page.getByLabel('Antal pladser').fill('2');
    await checkA11y(page, 'employer new opening form');
    await screenshot(page, 'employer-opening-form');
    await page.getByRole('button', { name: 'Gem opgave', exact: true }).click();
    await page.getByText('Oprettet: Vaske firmabiler').waitFor();
    const item = page.getByTestId('employer-openings').locator('li', { hasText: 'Vaske firmabiler' });
    await item.getByText('2 af 2 pladser ledige').waitFor();
    await item.getByText(/Virksomhedspraktik, Fritidsjob\/småjob/).waitFor();
    await item.getByText('Krav: Kørekort').waitFor();

    await item.getByRole('button', { name: /^Ret opgaven\s?: Vaske firmabiler$/ }).click();
    await item.getByLabel('Antal pladser').fill('3');
    await item.getByLabel('Dage om ugen ved start').fill('2');
    await item.getByRole('button', { name: 'Gem ændringer i opgaven' }).click();
    await page.getByText('Gemt: Vaske firmabiler').waitFor();
    await item.getByText('3 af 3 pladser ledige').waitFor();
    await item.getByText('Start: 2 dage om ugen, 3 timer om dagen').waitFor();

    const contacts = page.getByTestId('employer-contacts');
    await page.getByLabel('Navn', { exact: true }).last().fill('Kirsten Vikar');
    await page.getByRole('button', { name: 'Gem', exact: true }).last().click();
    const kirsten = contacts.locator('li', { hasText: 'Kirsten Vikar' });
    await kirsten.waitFor();
    await kirsten.getByRole('button', { name: /^Ret\s?: Kirsten Vikar$/ }).click();
    await kirsten.getByLabel('Rolle').fill('Mentor om fredagen');
    await kirsten.getByRole('button', { name: 'Gem', exact: true }).click();
    await kirsten.getByText('Mentor om fredagen').waitFor();
    await kirsten.getByRole('button', { name: /^Fjern\s?: Kirsten Vikar$/ }).click();
    await kirsten.getByRole('button', { name: 'Ja, fjern' }).click();
    await page.getByText('Kirsten Vikar er fjernet.').waitFor();
    // The row goes once the list has reloaded.
    await contacts.locator('li', { hasText: 'Kirsten Vikar' }).waitFor({ state: 'detached' });
    // The contact cannot remove themself: no "Fjern" on their own row.
    await expect(contacts.locator('li', { hasText: 'Jens Bøgh' }).getByRole('button', { name: /Fjern/ }).count()).resolves.toBe(0);
    await checkA11y(page, 'employer company page');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'employer-company');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 180_000);

  it('the employer home at 1280 px', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'virksomhed@demo.fodfaeste.dk');
    await page.goto('/employer');
    await page.getByTestId('attendance-cards').locator('li.attendance-card').first().waitFor();
    await page.getByTestId('network-stories').getByText('Fra én dag om ugen til fast job').waitFor();
    await screenshot(page, 'employer-home');
    await page.goto('/employer/company');
    await page.getByTestId('employer-openings').waitFor();
    await screenshot(page, 'employer-company');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 120_000);
});

describe('the counsellor\'s network overview', () => {
  for (const width of [360, 1280] as const) {
    it(`shows members by membership, active and passive, hires, and openings with free places (${width} px)`, async () => {
      const page = await env.newPage(width);
      await loginAs(page, 'vejleder@demo.fodfaeste.dk');
      await page.goto('/companies');
      const byMembership = page.getByTestId('by-membership');
      await byMembership.waitFor();
      await byMembership.getByRole('row', { name: /Fast partner\s*8/ }).waitFor();
      await page.getByTestId('free-openings').locator('tbody tr').first().waitFor();
      await expect(page.getByTestId('network-figures').textContent()).resolves.toMatch(/Virksomheder30/);
      await checkA11y(page, `network overview ${width}`);
      await screenshot(page, 'network-overview');
      if (width === 360) await expectNoSidewaysScroll(page);
      await page.goto('/network');
      await page.getByTestId('events').waitFor();
      await checkA11y(page, `network page ${width}`);
      await screenshot(page, 'network-page');
      if (width === 360) await expectNoSidewaysScroll(page);
      expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
    }, 120_000);
  }

  it('a volunteer mentor reads the network\'s stories on /stories', async () => {
    const page = await env.newPage(360);
    await loginAs(page, 'mentor@demo.fodfaeste.dk');
    await page.goto('/stories');
    await page.getByRole('heading', { level: 1, name: 'Historier fra netværket' }).waitFor();
    await page.getByTestId('network-stories').getByText('Fra én dag om ugen til fast job').waitFor();
    await checkA11y(page, 'stories page');
    await expectNoSidewaysScroll(page);
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 120_000);
});
