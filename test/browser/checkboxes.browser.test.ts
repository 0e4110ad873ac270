import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_ACCOUNTS } from '../../src/demo/accounts.ts';
import type { Role } from '../../src/core/policy.ts';
import { loginAs, screenshot, useBrowserEnv, WIDTHS } from '../helpers/browser.ts';

// Every page with a checkbox or radio (#21: the caseload filters drew their boxes in
// the page's top-left corner). The visible box is the label's ::before, placed
// exactly where the hidden input is; each must sit at the start of its own label.

const email = (role: Role) => DEMO_ACCOUNTS.find((a) => a.role === role)!.email;

const ctx = useBrowserEnv();

interface Misplaced { id: string; box: string; label: string }

/** Each checkbox/radio whose box is not drawn at the start of its label, described. */
async function misplacedBoxes(page: Page): Promise<{ count: number; misplaced: Misplaced[] }> {
  return page.evaluate(() => {
    const inputs = [...document.querySelectorAll<HTMLInputElement>('input.form-checkbox, input.form-radio')];
    const misplaced: { id: string; box: string; label: string }[] = [];
    for (const input of inputs) {
      const label = document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(input.id)}"]`);
      if (!label) { misplaced.push({ id: input.id, box: 'no label', label: '' }); continue; }
      const b = input.getBoundingClientRect();
      const before = getComputedStyle(label, '::before');
      const l = label.getBoundingClientRect();
      const ok = Math.abs(b.left - l.left) <= 2 && b.top >= l.top - 2 && b.bottom <= l.bottom + 2 && before.position === 'absolute';
      if (!ok) misplaced.push({ id: input.id, box: `${Math.round(b.left)},${Math.round(b.top)}`, label: `${Math.round(l.left)},${Math.round(l.top)}` });
    }
    return { count: inputs.length, misplaced };
  });
}

async function check(page: Page, name: string): Promise<number> {
  const { count, misplaced } = await misplacedBoxes(page);
  await screenshot(page, `checkboxes-${name}`);
  expect(misplaced, `${name} at ${page.viewportSize()?.width} px`).toEqual([]);
  return count;
}

describe('checkboxes and radios', () => {
  for (const width of WIDTHS) {
    it(`draw their box at their own label on every page that has them (${width} px)`, async () => {
      const page = await ctx.env.newPage(width);
      await loginAs(page, email('counsellor'));
      let total = 0;

      await page.goto('/youth');
      await page.getByLabel('Kun mine unge').waitFor();
      total += await check(page, 'caseload');

      await page.goto('/mentors/new');
      await page.locator('#m-lifelineOptIn').waitFor();
      total += await check(page, 'mentor-form');

      await page.goto('/match');
      await page.locator('#batch-kind-openings').waitFor();
      total += await check(page, 'match');

      await page.goto('/reports/goals');
      await page.getByRole('button', { name: 'Tilføj et mål' }).click();
      await page.locator('input.form-radio').first().waitFor();
      total += await check(page, 'goal-form');

      expect(total).toBeGreaterThanOrEqual(7);
    });
  }
});
