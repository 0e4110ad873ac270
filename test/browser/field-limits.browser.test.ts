import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { maxLengths } from '../../src/core/schema-tools.ts';
import { JournalBody, PlanBody } from '../../src/youth/schemas.ts';
import { loginAs, useBrowserEnv } from '../helpers/browser.ts';

// Text fields carry the server's limit in the browser (#21): nobody types 24,000
// characters into a journal entry before hearing that 10,000 is the most.

const ctx = useBrowserEnv();

/** Text inputs and textareas in the page's forms without a maxLength (the search box and dates excepted). */
async function unlimited(page: Page, scope = 'main'): Promise<string[]> {
  return page.evaluate((scope) => [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(scope.split(',').flatMap((s) => [`${s} form textarea`, `${s} form input`]).join(','))]
    .filter((el) => el instanceof HTMLTextAreaElement || ['text', 'email', 'tel', ''].includes(el.getAttribute('type') ?? ''))
    .filter((el) => el.maxLength < 0 && !el.closest('[role="search"]'))
    .map((el) => el.id || el.name), scope);
}

describe('text fields on the counsellor\'s young person forms', () => {
  it('have the server\'s maximum length, read from the request schemas', async () => {
    const page = await ctx.env.newPage(1280);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.goto('/youth/new');
    await page.locator('#firstName').waitFor();
    expect(await unlimited(page)).toEqual([]);

    await page.goto('/youth');
    await page.locator('table a[href^="/youth/"]').first().click();
    await page.locator('#j-new-body').waitFor();
    // The youth feature's own sections (details, screening, plan, pathway, journal).
    expect(await unlimited(page, '#details,#screening,#plan,#pathway,#journal')).toEqual([]);
    expect(await page.locator('#j-new-body').getAttribute('maxlength')).toBe(String(maxLengths(JournalBody).body));
    expect(await page.locator('#p-summary').getAttribute('maxlength')).toBe(String(maxLengths(PlanBody).summary));
  });
});
