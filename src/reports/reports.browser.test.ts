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

  it('the steering group sees its key figures on the start page and only suppressed results', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'styregruppe@demo.fodfaeste.dk');
    await page.getByRole('heading', { level: 2, name: 'Netværkets resultater i år' }).waitFor();
    await page.getByText('75 jobåbninger i').first().waitFor();
    await checkA11y(page, 'steering start page');
    await screenshot(page, 'reports-steering-start');
    await page.goto('/reports');
    await page.getByText(/Tal under 5 og tal, som de kan regnes ud fra, er skjult/).waitFor();
    // The steering group cannot switch to the team's exact view.
    expect(await page.getByLabel('Visning', { exact: true }).count()).toBe(0);
    await checkA11y(page, 'steering reports');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 120_000);
});
