import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import { lix } from '../../src/youth/lix.ts';
import { loginAs, screenshot, useBrowserEnv, WIDTHS } from '../helpers/browser.ts';

// What a young person reads, measured on the rendered page (#21): the i18n strings
// alone missed texts put together at run time and texts from other features.

const YOUNG_PERSON = DEMO_ACCOUNTS.find((a) => a.role === 'young_person')!.email;

const ctx = useBrowserEnv();

/** Waits until the page has its heading and no spinner is left. */
async function settled(page: Page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('main .spinner, main [role="progressbar"]'));
}

describe('the pages a young person sees', () => {
  it('read at LIX 35 or below, measured on each rendered page', async () => {
    const page = await ctx.env.newPage(1280);
    await loginAs(page, YOUNG_PERSON);
    await settled(page);
    // Every page in the young person's menu, plus the reminder settings in the header.
    const menu = await page.locator('nav.nav a.nav-link').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    const paths = [...new Set([...menu, '/settings'])];
    expect(paths).toEqual(expect.arrayContaining(['/', '/activities', '/me/plan', '/settings']));
    const scores: { path: string; part: string; lix: number; words: number }[] = [];
    for (const path of paths) {
      await page.goto(path);
      await settled(page);
      // The whole page, and its main content alone (the header and footer's short lines would
      // otherwise pull a hard text under the line). Each line on screen ends a sentence, as a
      // heading or a button does for a reader.
      const texts = await page.evaluate(() => ({ page: document.body.innerText, main: document.querySelector('main')?.innerText ?? '' }));
      for (const [part, text] of Object.entries(texts)) {
        const r = lix(text.split('\n'));
        scores.push({ path, part, lix: Math.round(r.lix * 10) / 10, words: r.words });
      }
    }
    console.info(`LIX of the young person's pages: ${scores.map((s) => `${s.path} (${s.part}) ${s.lix}, ${s.words} words`).join('; ')}`);
    expect(scores.filter((s) => s.lix > 35)).toEqual([]);
  });

  it('/me/plan shows what the printed plan shows: the contact person to call and the dates of sub-goals (#21)', async () => {
    const page = await ctx.env.newPage(360);
    await loginAs(page, YOUNG_PERSON);
    await page.goto('/me/plan');
    await page.getByRole('heading', { level: 2, name: 'Din kontaktperson' }).waitFor();
    await expect(page.locator('main a[href^="tel:"]').count()).resolves.toBeGreaterThan(0);
    const printed = await (await page.request.get('/api/me/plan/print')).text();
    const subGoalDates = [...printed.matchAll(/<li>[^<]+ – inden ([^(<]+) \(/g)].map((m) => m[1].trim());
    const shown = await page.locator('main').innerText();
    expect(subGoalDates.length).toBeGreaterThan(0);
    for (const d of subGoalDates) expect(shown).toContain(d);
    await screenshot(page, 'young-person-plan');
  });

  for (const width of WIDTHS) {
    it(`the 112 link on the start page is at least 44 × 44 px (${width} px)`, async () => {
      const page = await ctx.env.newPage(width);
      await loginAs(page, YOUNG_PERSON);
      const link = page.locator('a[href="tel:112"]');
      await link.waitFor();
      const box = (await link.boundingBox())!;
      await screenshot(page, 'young-person-start');
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    });
  }
});
