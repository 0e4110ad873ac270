import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, loginAs, pageProblems, screenshot, startBrowserEnv, type BrowserEnv } from '../../test/helpers/browser.ts';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 300_000);
afterAll(() => env?.close());

describe('mentors, lifeline and community journeys', () => {
  it('the young person on a 360 px phone sees whom to call now, with a tel: link', async () => {
    const page = await env.newPage(360);
    await loginAs(page, 'ung@demo.fodfaeste.dk');
    const widget = page.getByTestId('call-now');
    await widget.getByRole('heading', { name: 'Brug for at snakke nu?' }).waitFor();
    await widget.getByText('Mette Kjær har vagten lige nu.').waitFor();
    const call = widget.getByRole('link', { name: /^Ring til/ });
    expect(await call.getAttribute('href')).toMatch(/^tel:\+?\d{8,}$/);
    expect(await widget.getByRole('link', { name: '112' }).getAttribute('href')).toBe('tel:112');
    const box = (await call.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(360);
    await checkA11y(page, 'young person start page');
    await screenshot(page, 'lifeline-call-now');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  });

  it('the coordinator fills a gap in the rota', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.goto('/lifeline');
    await page.getByRole('heading', { level: 1, name: 'Livline – vagtplan' }).waitFor();
    const gaps = page.getByTestId('gaps');
    await gaps.locator('li').first().waitFor();
    const before = await gaps.locator('li').count();
    await checkA11y(page, 'rota');
    await gaps.getByRole('button', { name: /^Udfyld/ }).first().click();
    await page.locator('#shift-person').selectOption({ label: 'Kim Sørensen (professionel mentor)' });
    await page.getByRole('button', { name: 'Gem vagt' }).click();
    await page.getByText('Vagten er gemt, og personen får besked.').waitFor();
    await expect.poll(() => gaps.locator('li').count()).toBe(before - 1);
    await screenshot(page, 'lifeline-rota');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  });

  it('the activity leader takes attendance on a phone in a couple of taps', async () => {
    const page = await env.newPage(360);
    await loginAs(page, 'forening@demo.fodfaeste.dk');
    await page.goto('/activities');
    const card = page.getByTestId('activity').filter({ has: page.getByRole('heading', { name: 'UngeMilen', exact: true }) });
    await card.getByRole('link', { name: /^Tag fremmøde/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Fremmøde: UngeMilen' }).waitFor();
    const row = page.getByTestId('attendance-row').first();
    const name = (await row.locator('.attendance-name').textContent())!;
    await row.getByRole('button', { name: `Ikke mødt: ${name}`, exact: true }).click();
    await expect.poll(() => row.getByRole('button', { name: `Ikke mødt: ${name}`, exact: true }).getAttribute('aria-pressed')).toBe('true');
    await row.getByRole('button', { name: `Mødt: ${name}`, exact: true }).click();
    await expect.poll(() => row.getByRole('button', { name: `Mødt: ${name}`, exact: true }).getAttribute('aria-pressed')).toBe('true');
    await checkA11y(page, 'attendance');
    await screenshot(page, 'activities-attendance');
    await page.reload();
    const again = page.getByTestId('attendance-row').first();
    await expect.poll(() => again.getByRole('button', { name: `Mødt: ${name}`, exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 90_000);

  it('a volunteer mentor records the first meeting with a new mentee', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'mentor@demo.fodfaeste.dk');
    await page.goto('/mentees');
    await page.getByRole('heading', { level: 1, name: 'Mine mentees' }).waitFor();
    await expect.poll(() => page.getByTestId('mentee').count()).toBe(4);
    await checkA11y(page, 'my mentees');
    const form = page.getByRole('heading', { name: /^Hvordan gik det første møde med/ });
    const name = (await form.textContent())!.replace(/^Hvordan gik det første møde med (.*)\?$/, '$1');
    const menteeCard = page.getByTestId('mentee').filter({ has: page.getByRole('heading', { level: 2, name, exact: true }) });
    await menteeCard.getByLabel('God kemi').check();
    await menteeCard.getByRole('button', { name: 'Gem første møde' }).click();
    await menteeCard.getByText('God kemi').waitFor();
    await expect.poll(() => page.getByRole('heading', { name: /^Hvordan gik det første møde med/ }).count()).toBe(0);
    await screenshot(page, 'mentors-first-meeting');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  });

  it('the counsellor sees who is slipping away and which mentor reviews are due', async () => {
    const page = await env.newPage(360);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.getByTestId('slipping').locator('li').first().waitFor();
    await page.getByTestId('reviews-due').locator('li').first().waitFor();
    await checkA11y(page, 'counsellor start page');
    await page.goto('/mentors');
    await page.getByTestId('mentors').waitFor();
    await checkA11y(page, 'mentor registry');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  });
  it('the activity leader subscribes to an activity in their calendar and stops the link; a counsellor registers an association', async () => {
    const page = await env.newPage(360);
    await loginAs(page, 'forening@demo.fodfaeste.dk');
    await page.goto('/activities');
    const card = page.getByTestId('activity').filter({ has: page.getByRole('heading', { name: 'UngeMilen', exact: true }) });
    // The button's name is "Abonnér i kalender" plus the activity for screen readers.
    await card.getByRole('button', { name: /^Abonnér i kalender\W+UngeMilen$/ }).click();
    const url = await card.getByLabel('Privat kalenderlink til UngeMilen').inputValue();
    const ics = await page.request.get(url);
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('SUMMARY:UngeMilen');
    // A copy button that says it copied, and a webcal: link for the phone's calendar (#21).
    expect(await card.getByRole('link', { name: 'Åbn i kalenderen' }).getAttribute('href')).toBe(url.replace(/^https?:/, 'webcal:'));
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await card.getByRole('button', { name: 'Kopiér linket' }).click();
    await card.getByText(/^Linket er kopieret\.$|^Kunne ikke kopiere/).waitFor();
    await checkA11y(page, 'activities with a leader calendar link');
    await screenshot(page, 'activities-leader-feed');
    await card.getByRole('button', { name: /^Stop linket/ }).click();
    await card.getByText('Linket virker ikke længere. Kalendere, der bruger det, holder op med at opdatere.').waitFor();
    expect((await page.request.get(url)).status()).toBe(404);
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);

    const desk = await env.newPage(1280);
    await loginAs(desk, 'vejleder@demo.fodfaeste.dk');
    await desk.goto('/activities');
    const associations = desk.getByTestId('associations');
    await associations.getByText('Foreninger i netværket').click();
    await associations.getByLabel('Foreningens navn').fill('Aulum Skakklub');
    await associations.getByRole('button', { name: 'Registrér foreningen' }).click();
    await associations.getByText('Aulum Skakklub er registreret. Du kan vælge foreningen, når du opretter en aktivitet.').waitFor();
    await associations.getByRole('listitem').filter({ hasText: 'Aulum Skakklub' }).waitFor();
    await checkA11y(desk, 'activities with the association form');
    await screenshot(desk, 'activities-associations');
    expect(await env.database.db.selectFrom('associations').select('name').where('name', '=', 'Aulum Skakklub').executeTakeFirst()).toBeDefined();
    expect(pageProblems(desk, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 90_000);
});
