import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, loginAs, pageProblems, screenshot, startBrowserEnv, WIDTHS, type BrowserEnv } from '../../test/helpers/browser.ts';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 300_000);
afterAll(() => env?.close());


describe('results (reports) in the browser', () => {
  for (const width of WIDTHS) {
    it(`a counsellor reads charts, tables and goals, and downloads the PDF (${width} px)`, async () => {
      const page = await env.newPage(width);
      await loginAs(page, 'vejleder@demo.fodfaeste.dk');
      await page.goto('/reports');
      await page.getByRole('heading', { level: 1, name: 'Resultater' }).waitFor();
      await page.getByLabel('Startet fra').fill(`${new Date().getFullYear() - 2}-01-01`);
      await page.getByRole('button', { name: 'Vis resultater' }).click();
      await page.getByRole('heading', { level: 2, name: 'Resultater for unge startet i perioden' }).waitFor();
      // Each chart is one image with a name and description, and the same numbers are in a table.
      await page.getByRole('img', { name: /Resultater: antal unge pr\. status/ }).waitFor();
      await page.getByRole('table', { name: 'Resultater for unge startet i perioden' }).waitFor();
      await page.getByRole('img', { name: /Tragt/ }).waitFor();
      await page.getByText('Du ser teamets præcise tal').waitFor();
      await page.getByRole('heading', { name: 'Mål og resultater' }).waitFor();
      await checkA11y(page, 'reports page');
      await screenshot(page, 'reports-counsellor');
      await page.getByRole('heading', { level: 2, name: 'Resultater for unge startet i perioden' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-output/screenshots/reports-counsellor-view-${width}.png` });
      const href = await page.getByRole('link', { name: 'PDF til styregruppen' }).getAttribute('href');
      const pdf = await page.request.get(href!);
      expect(pdf.status()).toBe(200);
      expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
    }, 120_000);
  }

  for (const width of WIDTHS) {
    it(`a counsellor adds, edits and deletes a programme goal and sees actual against target (${width} px)`, async () => {
      const page = await env.newPage(width);
      await loginAs(page, 'vejleder@demo.fodfaeste.dk');
      await page.goto('/reports');
      await page.getByRole('link', { name: 'Se og rediger målenes definitioner' }).click();
      await page.getByRole('heading', { level: 1, name: 'Mål for netværket' }).waitFor();
      // The demo goals show their precise definition next to the result.
      await page.getByText('matchet med en mentor for mindst 6 måneder siden').first().waitFor();
      // The results load after the definitions; wait for them as a user would before adding a goal.
      await page.getByText(/^Resultater for /).waitFor();

      const title = `Job eller uddannelse blandt alle (${width})`;
      await page.getByRole('button', { name: 'Tilføj et mål' }).click();
      const form = page.getByRole('form', { name: 'Nyt mål' });
      await form.getByLabel('Titel').fill(title);
      await form.getByLabel('Ud fra hvilken dato').selectOption('all');
      await form.getByLabel('Mål i procent').fill('20');
      await checkA11y(page, `goal form ${width}`);
      await form.getByRole('button', { name: 'Opret mål' }).click();
      await page.getByText('Målet er oprettet.').waitFor();
      const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
      // Actual against target with the numerator and denominator behind it.
      await item.getByText(/\d+(,\d)?\s%\s\(\d+ af \d+\) · mål 20\s%/).waitFor();
      await item.getByText('alle unge med et forløb i perioden').waitFor();
      await item.getByText('status på statusdatoen: Uddannelse eller Ordinær beskæftigelse').waitFor();

      await item.getByRole('button', { name: /^Rediger/ }).click();
      const edit = page.getByRole('form', { name: `Rediger målet ${title}` });
      await edit.getByLabel('Titel').fill('');
      await edit.getByRole('button', { name: 'Gem ændringer' }).click();
      await page.getByRole('alert').getByRole('link', { name: 'Skriv en titel på højst 200 tegn.' }).waitFor();
      await edit.getByLabel('Titel').fill(title);
      await edit.getByLabel('Mål i procent').fill('100');
      await edit.getByRole('button', { name: 'Gem ændringer' }).click();
      await page.getByText('Ændringerne er gemt.').waitFor();
      await item.getByText(/\(\d+ af \d+\) · mål 100\s% · Ikke nået endnu/).waitFor();
      await checkA11y(page, `goals page ${width}`);
      await screenshot(page, `reports-goals-${width}`);

      // The reports page shows the changed goal too.
      await page.getByRole('link', { name: 'Tilbage til resultaterne' }).click();
      await page.getByRole('heading', { name: 'Mål og resultater' }).waitFor();
      await page.getByText(title).first().waitFor();
      await page.goto('/reports/goals');

      await item.getByRole('button', { name: /^Slet/ }).click();
      await item.getByRole('button', { name: 'Ja, slet målet' }).click();
      await page.getByText(`Målet „${title}“ er slettet.`).waitFor();
      await page.getByRole('heading', { name: title }).waitFor({ state: 'detached' });
      expect(pageProblems(page, [/401 \(Unauthorized\)/, /400 \(Bad Request\)/])).toEqual([]);
    }, 120_000);
  }

  for (const width of WIDTHS) {
    it(`a counsellor opens the status tables 3, 6 and 12 months after start and after a mentor match (${width} px)`, async () => {
      const page = await env.newPage(width);
      await loginAs(page, 'vejleder@demo.fodfaeste.dk');
      await page.goto('/reports');
      await page.getByLabel('Startet fra').fill(`${new Date().getFullYear() - 2}-01-01`);
      await page.getByRole('button', { name: 'Vis resultater' }).click();
      const section = page.getByRole('region', { name: 'Status efter 3, 6 og 12 måneder' });
      await section.waitFor();
      // Twelve tables: start and mentor match × readiness and first placement kind × 3, 6 and 12 months; the first is open.
      expect(await section.locator('details').count()).toBe(12);
      await section.getByRole('table', { name: 'Status 3 måneder efter start fordelt på parathedskategori' }).waitFor();
      await section.locator('summary', { hasText: 'Status 12 måneder efter mentormatch fordelt på første praktikform' }).click();
      const opened = section.getByRole('table', { name: 'Status 12 måneder efter mentormatch fordelt på første praktikform' });
      await opened.waitFor();
      await opened.scrollIntoViewIfNeeded();
      await checkA11y(page, `cohort tables ${width}`);
      await page.screenshot({ path: `test-output/screenshots/reports-cohorts-${width}.png` });
      expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
    }, 120_000);
  }

  it('a counsellor filters the results by counsellor and readiness category', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.goto('/reports');
    await page.getByRole('heading', { level: 2, name: 'Resultater for unge startet i perioden' }).waitFor();
    const counsellor = page.getByLabel('Ungevejleder');
    await expect.poll(() => counsellor.locator('option').count()).toBeGreaterThan(1);
    const name = (await counsellor.locator('option').nth(1).textContent())!;
    await counsellor.selectOption({ label: name });
    await page.getByRole('combobox', { name: 'Parathedskategori' }).selectOption('activity_ready');
    const answer = page.waitForResponse((r) => r.url().includes('/api/reports?') && r.url().includes('readiness=activity_ready') && r.url().includes('counsellorId='));
    await page.getByRole('button', { name: 'Vis resultater' }).click();
    expect((await answer).status()).toBe(200);
    await page.getByRole('table', { name: 'Resultater for unge startet i perioden' }).waitFor();
    await checkA11y(page, 'filtered reports');
  }, 120_000);

  it('the steering group sees its key figures on the start page and only suppressed results', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'styregruppe@demo.fodfaeste.dk');
    await page.getByRole('heading', { level: 2, name: 'Netværkets resultater', exact: true }).waitFor();
    await page.getByText('75 jobåbninger i').first().waitFor();
    await checkA11y(page, 'steering start page');
    await screenshot(page, 'reports-steering-start');
    await page.goto('/reports');
    await page.getByText(/Tal under 5 og tal, som de kan regnes ud fra, er skjult/).waitFor();
    // The steering group cannot switch to the team's exact view.
    expect(await page.getByLabel('Visning', { exact: true }).count()).toBe(0);
    // Issue #22: a whole calendar year only, and no narrowing filters.
    const year = page.getByLabel('År (hele kalenderår)');
    await year.waitFor();
    for (const id of ['#r-from', '#r-to', '#r-asof', '#r-counsellor', '#r-age', '#r-readiness']) expect(await page.locator(id).count()).toBe(0);
    const lastYear = String(new Date().getFullYear() - 1);
    expect(await year.inputValue()).toBe(lastYear);
    await checkA11y(page, 'steering reports');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 120_000);
  it('a counsellor raises the smallest count shown to others, and the steering group sees the new limit', async () => {
    const page = await env.newPage(360);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.goto('/reports/goals');
    const field = page.getByLabel('Mindste antal der vises');
    await expect.poll(() => field.inputValue()).toBe('5');
    await field.fill('2');
    await page.getByRole('button', { name: 'Gem mindste antal' }).click();
    await page.locator('#suppression-threshold-error').waitFor();
    await field.fill('7');
    await page.getByRole('button', { name: 'Gem mindste antal' }).click();
    await page.getByText('Gemt. Tal under 7 vises nu ikke for andre end jer.').waitFor();
    await checkA11y(page, 'suppression setting 360');

    const steering = await env.newPage(1280);
    await loginAs(steering, 'styregruppe@demo.fodfaeste.dk');
    await steering.goto('/reports');
    await steering.getByText(/Tal under 7 og tal, som de kan regnes ud fra, er skjult/).waitFor();
  }, 120_000);
});
