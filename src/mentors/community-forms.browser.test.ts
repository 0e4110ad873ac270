import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { checkA11y, loginAs, pageProblems, screenshot, startBrowserEnv, type BrowserEnv } from '../../test/helpers/browser.ts';

/** The forms around the community: mentor registry, activities, after-hours numbers, reminder channels. */
let env: BrowserEnv;
beforeAll(async () => {
  env = await startBrowserEnv();
}, 300_000);
afterEach(() => env?.closePages());
afterAll(() => env?.close());
const expected = [/401 \(Unauthorized\)/];

describe('community forms', () => {
  it('a counsellor registers a volunteer mentor, then records the onboarding', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.goto('/mentors');
    await page.getByRole('link', { name: 'Registrér ny mentor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny mentor' }).waitFor();
    await checkA11y(page, 'new mentor form');
    await page.getByLabel('Navn', { exact: true }).fill('Tove Frivillig');
    await page.getByLabel('Job', { exact: true }).fill('Indkøbschef');
    await page.getByLabel('Branche').fill('Møbler');
    await page.getByLabel('Interesser').fill('Håndbold, svampe');
    await page.getByLabel('Hvad kan mentoren tilbyde?').fill('En gåtur hver anden uge og hjælp med ansøgninger');
    await page.getByLabel('Timer om måneden').fill('4');
    await page.getByLabel('Hvor', { exact: true }).fill('Aulum');
    await page.getByRole('button', { name: 'Registrér mentor' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tove Frivillig' }).waitFor();
    await page.getByText('Mentoren er gemt.').waitFor();
    await expect.poll(() => page.getByTestId('onboarding-state').innerText()).toContain('ikke gennemført');

    await page.getByLabel('Introsamtale').fill('2026-10-01');
    await page.getByLabel('Mentorkursus').fill('2026-10-15');
    await page.getByLabel('Børne- og straffeattest tjekket').fill('2026-10-16');
    await page.getByLabel('Aftale underskrevet').fill('2026-10-20');
    await page.getByLabel('På pause').check();
    await page.getByRole('button', { name: 'Gem ændringer' }).click();
    await page.getByText('Mentoren er gemt.').waitFor();
    await expect.poll(() => page.getByTestId('onboarding-state').innerText()).toBe('Introduktionen er gennemført.');
    await checkA11y(page, 'edit mentor form');
    await screenshot(page, 'mentors-form');

    const row = await env.database.db.selectFrom('mentors').selectAll().where('name', '=', 'Tove Frivillig').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ course_on: '2026-10-15', record_checked_on: '2026-10-16', status: 'paused', hours_per_month: 4, industry: 'Møbler' });
    await page.goto('/mentors');
    const listed = page.getByTestId('mentors').getByRole('row').filter({ has: page.getByRole('link', { name: 'Tove Frivillig' }) });
    await expect.poll(() => listed.innerText()).toMatch(/Gennemført.*På pause/s);
    expect(pageProblems(page, expected)).toEqual([]);
  }, 90_000);

  it('warns before matching a mentee under 18 with a mentor whose child certificate is not checked', async () => {
    const db = env.database.db;
    const mentorId = async (name: string) => (await db.selectFrom('mentors').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    const lene = await mentorId('Lene Bech'); // active, onboarded, certificate not checked
    const karsten = await mentorId('Karsten Holm'); // active, onboarded, certificate checked
    const minor = await db.selectFrom('young_people').select(['id', 'first_name'])
      .where(sql<boolean>`birth_date > current_date - interval '18 years'`).where('first_name', '!=', 'Ukendt')
      .where('id', 'not in', db.selectFrom('mentorships').select('young_person_id').where('mentor_id', '=', karsten).where('status', '=', 'active'))
      .executeTakeFirstOrThrow();
    const page = await env.newPage(1280);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.goto(`/youth/${minor.id}`);
    const section = page.getByTestId('mentorships');
    await section.getByRole('heading', { name: 'Match med en mentor' }).waitFor();
    const choose = section.getByLabel('Mentor', { exact: true });
    await expect.poll(() => choose.locator('option').count()).toBeGreaterThan(5);
    await choose.selectOption(lene);
    await section.getByRole('heading', { name: 'Børneattesten er ikke tjekket' }).waitFor();
    await section.getByText(`${minor.first_name} er under 18, og Lene Bechs børneattest er ikke tjekket.`, { exact: false }).waitFor();
    expect(await section.getByRole('button', { name: 'Match med mentoren' }).isDisabled()).toBe(true);
    // A mentor with the certificate checked can be matched.
    await choose.selectOption(karsten);
    expect(await section.getByRole('heading', { name: 'Børneattesten er ikke tjekket' }).count()).toBe(0);
    await section.getByRole('button', { name: 'Match med mentoren' }).click();
    await section.getByText(/^Mentoren er matchet/).waitFor();
    await section.getByTestId('mentorship').getByRole('heading', { name: /^Karsten Holm/ }).waitFor();
    // Reminders about the minor may also go to the guardian.
    const guardian = page.getByTestId('guardian-reminders');
    await guardian.getByLabel('Send også påmindelser om den unge til forælderen eller værgen').check();
    await guardian.getByLabel('SMS', { exact: true }).check();
    await guardian.getByRole('button', { name: 'Gem valg for forælder eller værge' }).click();
    await guardian.getByText('Valget for forælderen eller værgen er gemt.').waitFor();
    expect(await db.selectFrom('guardian_reminders').selectAll().where('young_person_id', '=', minor.id).executeTakeFirstOrThrow()).toMatchObject({ by_email: true, by_sms: true });
    await checkA11y(page, 'young person page with mentors, attendance and guardian');
    expect(pageProblems(page, expected)).toEqual([]);
  }, 90_000);

  it('an association contact on a phone creates an activity with a weekly time and cancels one meeting', async () => {
    const page = await env.newPage(360);
    await loginAs(page, 'forening@demo.fodfaeste.dk');
    await page.goto('/activities');
    await page.getByRole('link', { name: 'Opret aktivitet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny aktivitet' }).waitFor();
    await checkA11y(page, 'new activity form');
    await page.getByLabel('Navn', { exact: true }).fill('Brætspilscafé');
    await page.getByLabel('Type').selectOption({ label: 'Aktivitet' });
    await page.getByLabel('Forening').selectOption({ label: 'Aulum Fritid & Idræt' });
    await page.getByLabel('Sted').fill('Biblioteket');
    await page.locator('#a-s0-weekday').selectOption({ label: 'Onsdag' });
    await page.locator('#a-s0-start').fill('18:00');
    await page.locator('#a-s0-end').fill('20:00');
    await page.getByRole('button', { name: 'Opret aktivitet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Redigér Brætspilscafé' }).waitFor();
    await page.getByText('Aktiviteten er gemt.').waitFor();
    await expect.poll(() => page.getByTestId('schedules').innerText()).toContain('Onsdag 18:00–20:00');

    const first = page.getByTestId('occurrence').first();
    await first.waitFor();
    await first.getByRole('button', { name: /^Aflys/ }).click();
    await first.getByLabel('Hvorfor er mødet aflyst?').fill('Biblioteket holder lukket');
    await checkA11y(page, 'edit activity with cancel form');
    await first.getByRole('button', { name: /^Aflys mødet/ }).click();
    await expect.poll(() => page.getByTestId('occurrence').first().innerText()).toContain('aflyst: Biblioteket holder lukket');
    await screenshot(page, 'activities-form');

    await page.goto('/activities');
    const card = page.getByTestId('activity').filter({ has: page.getByRole('heading', { name: 'Brætspilscafé' }) });
    await card.locator('s').first().waitFor();
    expect(await card.innerText()).toContain('aflyst: Biblioteket holder lukket');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(360);
    expect(pageProblems(page, expected)).toEqual([]);
  }, 120_000);

  it('the coordinator edits the after-hours numbers; the young person sees them when nobody is on call', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.goto('/lifeline');
    const form = page.getByTestId('after-hours');
    await form.waitFor();
    await form.getByRole('button', { name: /^Fjern\W+Headspace/ }).click();
    await form.getByRole('button', { name: 'Tilføj et nummer' }).click();
    await form.locator('#ah-label-1').fill('Natravnene');
    await form.locator('#ah-phone-1').fill('70 20 20 70');
    await form.getByRole('button', { name: 'Gem numre' }).click();
    await form.getByText('Numrene er gemt. De unge ser dem, når ingen er på vagt.').waitFor();
    await checkA11y(page, 'rota with after-hours numbers');
    // A wrong number is refused at the field.
    await form.locator('#ah-phone-1').fill('ring til mig');
    await form.getByRole('button', { name: 'Gem numre' }).click();
    await form.getByText('Skriv et telefonnummer med cifre, f.eks. 96 28 28 28.').waitFor();

    // Nobody on call now.
    await env.database.db.deleteFrom('lifeline_shifts').where('starts_at', '<=', new Date()).where('ends_at', '>', new Date()).execute();
    const phone = await env.newPage(360);
    await loginAs(phone, 'ung@demo.fodfaeste.dk');
    const widget = phone.getByTestId('call-now');
    await widget.getByText('Der er ingen på vagt lige nu. Du kan ringe her:').waitFor();
    expect(await widget.getByRole('link', { name: '70 20 20 70' }).getAttribute('href')).toBe('tel:70202070');
    expect(await widget.getByText(/^Natravnene/).count()).toBe(1);
    expect(await widget.getByText(/Headspace/).count()).toBe(0);
    expect(await widget.getByRole('link', { name: '112' }).getAttribute('href')).toBe('tel:112');
    await screenshot(phone, 'lifeline-after-hours');
    expect(pageProblems(page, [...expected, /400 \(Bad Request\)/])).toEqual([]);
  }, 90_000);

  it('a volunteer mentor switches their reminders from e-mail to SMS from the header', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'mentor@demo.fodfaeste.dk');
    await page.getByRole('link', { name: 'Påmindelser', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Påmindelser' }).waitFor();
    const email = page.getByLabel('E-mail til mentor@demo.fodfaeste.dk');
    const sms = page.getByLabel('SMS til +45 40 12 34 56');
    await expect.poll(() => email.isChecked()).toBe(true);
    expect(await sms.isChecked()).toBe(false);
    await checkA11y(page, 'reminder settings');
    await sms.check();
    await email.uncheck();
    await page.getByRole('button', { name: 'Gem', exact: true }).click();
    await page.getByText('Dit valg er gemt.').waitFor();
    await screenshot(page, 'reminders-settings');
    const mentor = await env.database.db.selectFrom('users').select('id').where('email', '=', 'mentor@demo.fodfaeste.dk').executeTakeFirstOrThrow();
    const prefs = await env.database.db.selectFrom('notification_preferences').selectAll().where('user_id', '=', mentor.id).executeTakeFirstOrThrow();
    expect(prefs).toMatchObject({ by_email: false, by_sms: true });
    await page.reload();
    await expect.poll(() => page.getByLabel('SMS til +45 40 12 34 56').isChecked()).toBe(true);
    expect(await page.getByLabel('E-mail til mentor@demo.fodfaeste.dk').isChecked()).toBe(false);
    expect(pageProblems(page, expected)).toEqual([]);
  }, 60_000);

  it('the counsellor sees a slipping young person\'s weekly attendance as a chart and a table', async () => {
    const page = await env.newPage(360);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.getByTestId('slipping').getByRole('link').first().click();
    const trend = page.getByTestId('attendance-trend');
    await trend.getByRole('heading', { name: 'Fremmøde til aktiviteter' }).waitFor();
    await trend.getByRole('img', { name: /^Fremmøde pr\. uge:/ }).first().waitFor();
    // The table alternative: one row a week with meetings held, attended and the share.
    for (const summary of await trend.getByText('Vis tallene som tabel').all()) await summary.click();
    const rows = trend.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(10);
    // The weeks they stayed away: meetings held, none attended.
    expect((await rows.allInnerTexts()).some((r) => /^Uge \d+.*\t[1-9]\d*\t0\t0 %$/s.test(r))).toBe(true);
    await trend.getByText('Har ikke været der de sidste tre gange.').first().waitFor();
    await checkA11y(page, 'young person attendance trend');
    await trend.screenshot({ path: 'test-output/screenshots/activities-trend-section-360.png' });
    expect(pageProblems(page, expected)).toEqual([]);
  }, 60_000);

  it('the young person stops a calendar link they made', async () => {
    const page = await env.newPage(1280);
    await loginAs(page, 'ung@demo.fodfaeste.dk');
    await page.goto('/activities');
    await page.getByRole('button', { name: 'Få mine aftaler i min telefons kalender' }).click();
    const url = await page.getByLabel('Dit private kalenderlink').inputValue();
    expect((await page.request.get(url)).status()).toBe(200);
    const feeds = page.getByTestId('calendar-feeds');
    await feeds.getByRole('button', { name: /^Stop linket/ }).first().click();
    await page.getByText('Linket virker ikke længere. Kalendere, der bruger det, holder op med at opdatere.').waitFor();
    await expect.poll(() => page.getByTestId('calendar-feeds').count()).toBe(0);
    expect((await page.request.get(url)).status()).toBe(404);
    await checkA11y(page, 'activities with calendar links');
    expect(pageProblems(page, expected)).toEqual([]);
  }, 60_000);
  it('the young person on a 360 px phone switches sharing with their mentor on; the mentor sees it at once', async () => {
    const page = await env.newPage(360);
    await loginAs(page, 'ung@demo.fodfaeste.dk');
    await page.goto('/me/sharing');
    await page.getByRole('heading', { level: 1, name: 'Hvem må se hvad' }).waitFor();
    const mentor = page.locator('section.sharing-recipient').filter({ has: page.getByRole('heading', { name: 'Din mentor Hanne Lund' }) });
    await mentor.getByText('Så din mentor kan hjælpe dig.').waitFor();
    const email = mentor.getByRole('switch', { name: /min e-mail/ });
    expect(await email.getAttribute('aria-checked')).toBe('false');
    await email.click();
    await expect.poll(() => email.getAttribute('aria-checked')).toBe('true');
    await checkA11y(page, 'sharing with the mentor');
    await screenshot(page, 'me-sharing-mentor');
    const db = env.database.db;
    const hanne = await db.selectFrom('users').select('id').where('email', '=', 'mentor@demo.fodfaeste.dk').executeTakeFirstOrThrow();
    const last = await db.selectFrom('consent_events').selectAll().where('recipient_kind', '=', 'mentor').where('recipient_id', '=', hanne.id)
      .where('item', '=', 'contact.email').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ granted: true, purpose: 'mentoring' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const mentorPage = await env.newPage(1280);
    await loginAs(mentorPage, 'mentor@demo.fodfaeste.dk');
    await mentorPage.goto('/mentees');
    const sofie = mentorPage.getByTestId('mentee').filter({ has: mentorPage.getByRole('heading', { level: 2, name: 'Sofie', exact: true }) });
    await sofie.getByText('ung@demo.fodfaeste.dk').waitFor();
    // Switched off again: gone for the mentor at once.
    await email.click();
    await expect.poll(() => email.getAttribute('aria-checked')).toBe('false');
    await mentorPage.reload();
    await sofie.waitFor();
    expect(await sofie.getByText('ung@demo.fodfaeste.dk').count()).toBe(0);
    expect(pageProblems(page, expected)).toEqual([]);
    expect(pageProblems(mentorPage, expected)).toEqual([]);
  }, 90_000);

  it('the counsellor goes from "reviews due" to the review, extends the mentorship, and sees notes and earlier mentors', async () => {
    for (const width of [1280, 360] as const) {
      const page = await env.newPage(width);
      await loginAs(page, 'vejleder@demo.fodfaeste.dk');
      const due = page.getByTestId('reviews-due').getByRole('link').first();
      await due.waitFor();
      const href = (await due.getAttribute('href'))!;
      const mentorshipId = href.replace(/^.*#review-/, '');
      await due.click();
      const form = page.locator(`#review-${mentorshipId}`);
      const heading = form.getByRole('heading', { name: /^Evaluering af forløbet med/ });
      await heading.waitFor();
      await expect.poll(() => heading.evaluate((el) => el === document.activeElement)).toBe(true);
      await form.getByLabel('Forlæng i 3 måneder').check();
      await form.getByLabel('Begrundelse').fill('Det går godt. De mødes hver anden uge.');
      await checkA11y(page, 'young person page with the mentor review form');
      await screenshot(page, 'mentors-review');
      await form.getByRole('button', { name: 'Gem evaluering' }).click();
      await form.getByText(/^Evalueringen er gemt\. Forløbet er forlænget\./).waitFor();
      const card = page.getByTestId('mentorship').filter({ has: page.locator(`#review-${mentorshipId}`) });
      await card.getByTestId('reviews').getByText(/Forlænget\. Det går godt\./).waitFor();
      const review = await env.database.db.selectFrom('mentorship_reviews').selectAll().where('mentorship_id', '=', mentorshipId).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      expect(review).toMatchObject({ decision: 'extend', reason: 'Det går godt. De mødes hver anden uge.' });
      if (width === 360) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(pageProblems(page, expected)).toEqual([]);
    }
    // A young person with notes from the mentor and an earlier, ended mentorship.
    const db = env.database.db;
    const withHistory = await db.selectFrom('mentorships').select('young_person_id').where('status', '=', 'ended').where('end_reason', '=', 'Har fået fast job').executeTakeFirstOrThrow();
    const page = await env.newPage(1280);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.goto(`/youth/${withHistory.young_person_id}#mentors`);
    const history = page.getByTestId('mentorship-history');
    await history.getByText(/^Tidligere mentor/).click();
    await history.getByText('Afsluttet', { exact: false }).first().waitFor();
    await history.getByTestId('reviews').getByText(/Forlænget\. Godt forløb, fortsætter/).waitFor();
    await checkA11y(page, 'young person page with earlier mentors');
    const hannesMentee = await db.selectFrom('mentorship_notes as n').innerJoin('mentorships as ms', 'ms.id', 'n.mentorship_id').select('ms.young_person_id').executeTakeFirstOrThrow();
    await page.goto(`/youth/${hannesMentee.young_person_id}#mentors`);
    await page.getByTestId('mentor-notes').getByText('Kaffe. Hun glæder sig til praktikken.').waitFor();
    await screenshot(page, 'mentors-section');
    expect(pageProblems(page, expected)).toEqual([]);
  }, 150_000);
});
