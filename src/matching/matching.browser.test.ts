// Journey: a counsellor opens a young person, sees ranked suggestions with
// reasons, accepts one (a planned placement appears), and runs "Foreslå for alle".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../demo/accounts.ts';
import { checkA11y, loginAs, pageProblems, screenshot, startBrowserEnv, WIDTHS, type BrowserEnv } from '../../test/helpers/browser.ts';
import { loadYouth } from './load.ts';

let env: BrowserEnv;
let waiting: { id: string; name: string }[];
const counsellor = DEMO_ACCOUNTS.find((a) => a.role === 'counsellor')!.email;

beforeAll(async () => {
  env = await startBrowserEnv();
  const db = env.database.db;
  const p = await db.selectFrom('partnerships').select('id').where('slug', '=', 'aulum-milen-demo').executeTakeFirstOrThrow();
  waiting = (await loadYouth(db, p.id, 'waiting_placement')).map((y) => ({ id: y.id, name: y.name }));
}, 240_000);
afterAll(async () => { await env?.close(); });

describe('matching in the browser', () => {
  it('shows ranked suggestions with reasons, accepts one into a planned placement, then proposes for everyone', async () => {
    expect(waiting.length).toBeGreaterThan(1);
    const young = waiting[0];
    const page = await env.newPage(1280);
    await loginAs(page, counsellor);
    await page.goto(`/youth/${young.id}`);
    await page.getByRole('heading', { level: 1, name: young.name }).waitFor();
    await page.goto(`/youth/${young.id}/forslag`);
    await page.getByRole('heading', { level: 1, name: `Forslag til ${young.name}` }).waitFor();
    const first = page.locator('.match-card').first();
    await expect(first.getByText(/point ud af 100/).isVisible()).resolves.toBe(true);
    // Each criterion explains itself in Danish with its points.
    await expect(first.locator('.match-reasons li').count()).resolves.toBeGreaterThanOrEqual(5);
    await expect(first.locator('.match-reasons').innerText()).resolves.toMatch(/\(\+\d+\)/);
    await expect(page.getByText('Rejsetid er ikke vurderet', { exact: false }).first().isVisible()).resolves.toBe(true);
    await checkA11y(page, 'suggestions 1280');
    await screenshot(page, 'matching-suggestions');

    const title = (await first.locator('h3').innerText()).replace(/^1\. /, '').split(' – ')[0];
    await first.getByRole('button', { name: /^Acceptér .* opret planlagt praktik$/ }).click();
    await page.getByText('Praktikken er oprettet som planlagt.').waitFor();
    const placements = await env.database.db.selectFrom('placements as p').innerJoin('openings as o', 'o.id', 'p.opening_id')
      .select(['p.status', 'o.title']).where('p.young_person_id', '=', young.id).where('p.status', '<>', 'ended').execute();
    expect(placements).toEqual([{ status: 'planned', title }]);
    await page.getByRole('link', { name: 'Åbn praktikken' }).click();
    await page.waitForURL('**/placements/*');

    await page.getByRole('link', { name: 'Match' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Foreslå for alle' }).waitFor();
    // The report compares accepted suggestions with the rest (the demo has some of each).
    await page.getByRole('heading', { level: 2, name: 'Sådan gik de accepterede forslag' }).waitFor();
    // The partnership's weights can be set on the same page.
    await page.getByLabel('Rejsetid', { exact: true }).fill('30');
    await page.getByRole('button', { name: 'Gem vægte' }).click();
    await page.getByText('Vægtene er gemt.').waitFor();
    await page.getByRole('button', { name: 'Foreslå for alle' }).click();
    await page.getByRole('heading', { level: 2, name: /\d+ forslag/ }).waitFor();
    const proposals = page.locator('.match-card');
    expect(await proposals.count()).toBeGreaterThan(0);
    await expect(page.locator('body').innerText()).resolves.not.toContain(`${young.name} →`);
    await checkA11y(page, 'batch 1280');
    await screenshot(page, 'matching-batch');
    await proposals.first().getByRole('button', { name: /^Acceptér .* opret planlagt praktik$/ }).click();
    await proposals.first().getByText('Bekræftet.').waitFor();
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 120_000);

  it('is accessible at 360 px', async () => {
    const page = await env.newPage(WIDTHS[0]);
    await loginAs(page, counsellor);
    await page.goto(`/youth/${waiting[1].id}/forslag`);
    await page.locator('.match-card').first().waitFor();
    await checkA11y(page, 'suggestions 360');
    await screenshot(page, 'matching-suggestions');
    await page.goto('/match');
    await page.getByRole('button', { name: 'Foreslå for alle' }).click();
    await page.locator('.match-card').first().waitFor();
    await checkA11y(page, 'batch 360');
    await screenshot(page, 'matching-batch');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(overflow).toBe(false);
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 120_000);
});
