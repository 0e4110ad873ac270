import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, loginAs, pageProblems, screenshot, startBrowserEnv, WIDTHS, type BrowserEnv } from '../../test/helpers/browser.ts';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 300_000);
afterAll(() => env?.close());

describe('the public initiative catalog', () => {
  for (const width of WIDTHS) {
    it(`anyone can search it and open an initiative without logging in (${width} px)`, async () => {
      const page = await env.newPage(width);
      await page.goto('/katalog');
      await page.getByRole('heading', { level: 1, name: 'Indsatskatalog' }).waitFor();
      await page.getByRole('heading', { name: '54 indsatser' }).waitFor();
      await checkA11y(page, `catalog list ${width}`);
      await page.getByLabel('Søg i kataloget').fill('faellesskab');
      await page.getByLabel('Alder').selectOption('18_24');
      await page.getByRole('button', { name: 'Søg' }).click();
      await page.waitForURL(/q=faellesskab/);
      // The filtered result replaces the full list (wait until the count changes).
      const count = page.getByRole('heading', { name: /^\d+ indsats(er)?$/ }).filter({ hasNotText: '54 indsatser' });
      await count.waitFor();
      const n = Number((await count.textContent())!.split(' ')[0]);
      expect(n).toBeGreaterThan(0);
      expect(n).toBeLessThan(54);
      await page.getByRole('link', { name: 'Café 16+' }).click();
      await page.getByRole('heading', { level: 1, name: 'Café 16+' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/katalog/syddjurs-kommune/cafe-16');
      await page.getByRole('heading', { name: 'Kontaktpersoner' }).waitFor();
      await page.getByRole('heading', { name: 'Forløb koblet til indsatsen' }).waitFor();
      await checkA11y(page, `initiative page ${width}`);
      // Nothing is wider than the phone screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, `catalog-initiative-${width}`);
      expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
    }, 120_000);
  }

  it('the shared link opens directly, and the demo initiative shows suppressed outcomes', async () => {
    const page = await env.newPage(1280);
    await page.goto('/katalog');
    await page.getByLabel('Kommune eller organisation').selectOption('Herning Kommune');
    await page.getByRole('button', { name: 'Søg' }).click();
    await page.waitForURL(/owner=Herning/);
    const first = page.locator('.catalog-result h3 a').first();
    await first.waitFor();
    const href = (await first.getAttribute('href'))!;
    const direct = await env.newPage(1280);
    await direct.goto(href);
    await direct.getByRole('heading', { level: 1 }).waitFor();
    await direct.getByRole('heading', { name: 'Forløb koblet til indsatsen' }).waitFor();
    await checkA11y(direct, 'initiative with outcomes');
  }, 120_000);

  it('a counsellor sees "Forslag fra kataloget" with reasons and links the pathway', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    const youth = await page.evaluate(async () => (await (await fetch('/api/youth?limit=5')).json()) as { id: string }[]);
    await page.goto(`/youth/${youth[youth.length - 1]!.id}/katalog`);
    await page.getByRole('heading', { level: 1, name: 'Forslag fra kataloget' }).waitFor();
    await page.getByRole('heading', { name: 'Derfor foreslås den' }).first().waitFor();
    await checkA11y(page, 'catalog suggestions');
    const firstTitle = (await page.locator('.catalog-result h2 a').first().textContent())!;
    await page.getByRole('button', { name: 'Kobl forløbet til indsatsen' }).first().click();
    await page.getByText(`Forløbet er koblet til ${firstTitle}.`).waitFor();
    await screenshot(page, 'catalog-suggestions');
  }, 120_000);
});
