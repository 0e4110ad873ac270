import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, loginAs, pageProblems, screenshot, startBrowserEnv, type BrowserEnv } from '../../test/helpers/browser.ts';

let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 300_000);
afterAll(() => env?.close());

const concern = 'Han virkede meget træt i dag. Kan du ringe?';

describe('companies journeys', () => {
  it('a counsellor registers a company (CVR checked) and an opening, and places a young person', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.goto('/companies');
    await page.getByRole('heading', { level: 1, name: 'Virksomhedsnetværket' }).waitFor();
    await expect(page.getByTestId('network-figures').textContent()).resolves.toMatch(/Virksomheder30/);
    await checkA11y(page, 'companies list');
    await page.getByRole('link', { name: 'Registrér virksomhed' }).click();
    // Wait for the form: the list's search field is labelled "Søg efter navn …", which a loose "Navn" also finds.
    await page.getByRole('heading', { level: 1, name: 'Registrér virksomhed' }).waitFor();
    await page.getByLabel('Navn', { exact: true }).fill('Testfabrikken ApS');
    await page.getByLabel('CVR-nummer').fill('12345678');
    await page.getByRole('button', { name: 'Gem virksomhed' }).click();
    await page.getByRole('link', { name: /kontrolcifferet passer ikke/ }).waitFor();
    await checkA11y(page, 'company form with error');
    await page.getByLabel('CVR-nummer').fill('10110866');
    await page.getByRole('button', { name: 'Gem virksomhed' }).click();
    await page.getByRole('heading', { level: 1, name: 'Testfabrikken ApS' }).waitFor();

    // The company's details: size, what it has experience with, notes (one form for new and edit).
    await page.getByText('Ret virksomhedens oplysninger').click();
    await page.getByLabel('Størrelse').selectOption({ label: '10-49 ansatte' });
    await page.getByRole('checkbox', { name: 'Angst' }).check();
    await page.getByLabel('Noter').fill('Tager gerne de første skridt. Ring før kl. 9.');
    await page.getByRole('button', { name: 'Gem ændringer', exact: true }).click();
    await page.getByTestId('company-facts').getByText('Angst').waitFor();

    await page.getByText('Tilføj kontaktperson').click();
    await page.getByLabel('Navn', { exact: true }).fill('Lone Bøgh');
    await page.getByLabel('Rolle').fill('Værkfører');
    await page.getByRole('button', { name: 'Gem kontaktperson' }).click();
    await page.getByTestId('contacts').getByText('Lone Bøgh', { exact: true }).waitFor();

    // The fuller opening form: hours and how they grow, earliest start, requirements, mentor, place.
    await page.getByText('Tilføj opgave').click();
    const form = page.locator('form.opening-form');
    await form.getByLabel('Opgave (med almindelige ord)').fill('Lager og pakning');
    await form.getByLabel('Dage om ugen ved start').fill('1');
    await form.getByLabel('Timer om dagen ved start').fill('4');
    await form.getByLabel('Højst timer om ugen').fill('37');
    await form.getByLabel('Hvordan kan det vokse?').fill('Start 1 dag om ugen, op til 37 timer');
    await form.getByLabel('Antal pladser').fill('2');
    await form.getByLabel('Tidligste start').fill('2027-01-04');
    await form.getByRole('checkbox', { name: 'Kørekort' }).check();
    await form.getByRole('checkbox', { name: 'Tidlige morgener' }).check();
    await form.getByLabel('Virksomhedsmentor').selectOption({ label: 'Lone Bøgh, Værkfører' });
    await form.getByRole('checkbox', { name: 'Mentoren kan nås efter arbejdstid' }).check();
    await form.getByLabel('Sted eller adresse').fill('Lageret, Industrivej 3');
    await checkA11y(page, 'opening form');
    await screenshot(page, 'opening-form');
    await form.getByRole('button', { name: 'Gem opgave' }).click();
    const openings = page.getByTestId('openings');
    await openings.getByText('2 af 2 pladser ledige').waitFor();
    await openings.getByText('Kørekort, Tidlige morgener').waitFor();
    await openings.getByText(/Lone Bøgh.*kan nås efter arbejdstid/).waitFor();
    await openings.getByText('4.1.2027').waitFor();

    // Place as planned: the start date follows the opening's earliest start.
    const place = page.locator('form.place-form');
    const ypSelect = place.getByLabel('Ung', { exact: true });
    await ypSelect.locator('option').nth(1).waitFor({ state: 'attached' });
    const name = (await ypSelect.locator('option').nth(1).textContent())!;
    await ypSelect.selectOption({ index: 1 });
    await place.getByLabel('Status').selectOption({ label: 'Planlagt' });
    await expect(place.getByLabel('Startdato').inputValue()).resolves.toBe('2027-01-04');
    await expect(place.getByLabel('Virksomhedsmentor').inputValue()).resolves.not.toBe('');
    await place.getByLabel('Slutdato').fill('2027-03-31');
    await place.getByRole('button', { name: 'Placér' }).click();
    await page.getByText('Den unge er placeret.').waitFor();
    await page.getByTestId('company-placements').getByRole('link', { name }).waitFor();
    await page.getByTestId('company-placements').getByText(/Planlagt/).waitFor();
    await openings.getByText('1 af 2 pladser ledige').waitFor();
    // Someone already in a placement: the form says so and names it before anyone presses "Placér" (#21).
    await ypSelect.selectOption({ label: 'Sofie Møller' });
    await place.getByText('Sofie Møller er allerede i gang med et forløb:').waitFor();
    await place.getByText(/hos .+, fra \d{1,2}\.\d{1,2}\.\d{4} \(aktiv\)/).waitFor();
    await screenshot(page, 'place-form-already-placed');
    await ypSelect.selectOption({ index: 0 });
    await checkA11y(page, 'company page');
    await screenshot(page, 'company-page');

    // The same page on a 360 px phone: no sideways scrolling, the opening form fits.
    const phone = await env.newPage(360);
    await loginAs(phone, 'vejleder@demo.fodfaeste.dk');
    await phone.goto(page.url());
    await phone.getByRole('heading', { level: 1, name: 'Testfabrikken ApS' }).waitFor();
    await phone.getByTestId('company-placements').getByRole('link', { name }).waitFor();
    await screenshot(phone, 'company-page');
    await phone.getByText('Tilføj opgave').click();
    await checkA11y(phone, 'opening form on a phone');
    await screenshot(phone, 'opening-form');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(pageProblems(phone, [/401 \(Unauthorized\)/])).toEqual([]);
    // The one 400 is the refused CVR number above.
    expect(pageProblems(page, [/401 \(Unauthorized\)/, /400 \(Bad Request\)/])).toEqual([]);
  }, 240_000);

  it('the company contact on a 360 px phone registers attendance in one tap and raises a concern', async () => {
    const page = await env.newPage(360);
    await loginAs(page, 'virksomhed@demo.fodfaeste.dk');
    await page.goto('/employer');
    await page.getByRole('heading', { level: 1, name: 'Fremmøde' }).waitFor();
    const cards = page.getByTestId('attendance-cards').locator('li.attendance-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThanOrEqual(2);
    await checkA11y(page, 'employer attendance');
    const first = cards.first();
    const firstName = (await first.getByRole('heading').textContent())!;
    await first.getByRole('button', { name: 'Mødt' }).click();
    await page.getByText(`Gemt: ${firstName} – Mødt`).waitFor();
    await first.locator('button[aria-pressed="true"]', { hasText: 'Mødt' }).waitFor();
    await screenshot(page, 'employer-attendance');
    // No horizontal scrolling at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await first.getByRole('link', { name: /Kontakt vejlederen/ }).click();
    await page.getByRole('heading', { level: 1, name: firstName }).waitFor();
    // Whom to call about the placement: the counsellor by name (#21).
    await page.getByRole('heading', { level: 2, name: 'Jeres kontakt i netværket' }).waitFor();
    await page.getByText(/^Vejleder: .+\./).waitFor();
    const call = page.getByRole('link', { name: /^Ring \+45/ });
    expect(await call.getAttribute('href')).toMatch(/^tel:\+45\d{8}$/);
    expect((await call.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.getByLabel('Kort besked til vejlederen').fill(concern);
    await page.getByRole('button', { name: 'Ring til mig' }).click();
    await page.getByText('Beskeden er sendt til vejlederen').waitFor();
    await checkA11y(page, 'employer placement');
    await screenshot(page, 'employer-placement');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 120_000);

  it('the counsellor sees the concern as a task and the attendance on the placement', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    const tasks = page.getByTestId('tasks');
    await tasks.getByText(concern).waitFor();
    await checkA11y(page, 'counsellor start page with tasks');
    const task = tasks.locator('li', { hasText: concern });
    await task.getByRole('link', { name: 'Se forløbet' }).click();
    await page.getByRole('heading', { level: 2, name: 'Mødestabilitet' }).waitFor();
    await page.getByTestId('stability-table').waitFor();
    // Weeks as people say them (#21): "uge 50", never the key "2026-W50".
    await expect(page.getByTestId('stability-table').locator('tbody th').first().innerText()).resolves.toMatch(/^uge \d{1,2}$/);
    // Step the hours up from today: the new weekly schedule is added, earlier weeks keep theirs.
    await page.getByText('Trap timerne op').click();
    await page.getByRole('checkbox', { name: 'Tirsdag' }).check();
    await page.getByLabel('Timer om dagen').fill('6');
    await page.getByRole('button', { name: 'Gem nyt ugeskema' }).click();
    await page.getByText(/2 dage om ugen, 6 timer om dagen/).first().waitFor();
    await page.getByRole('button', { name: 'Sæt på pause' }).click();
    await page.getByText('Forløbet er sat på pause.').waitFor();
    await page.getByRole('button', { name: 'Genoptag forløbet' }).click();
    await page.getByText('Forløbet er aktivt.').waitFor();
    await checkA11y(page, 'placement page');
    await screenshot(page, 'placement-page');
    // The network's meetings (the job festival created 72 small jobs) and its shared success story.
    await page.goto('/network');
    await page.getByTestId('events').getByText('Netværksmøde og jobfestival i Aulum Hallen').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Fra én dag om ugen til fast job' }).waitFor();
    await checkA11y(page, 'network page');
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 120_000);
});
