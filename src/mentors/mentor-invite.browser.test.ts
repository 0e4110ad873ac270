import { describe, expect, it } from 'vitest';
import { browserEnvWithMail, checkA11y, expectNoSidewaysScroll, loginAs, pageProblems, screenshot } from '../../test/helpers/browser.ts';

/**
 * A volunteer mentor's login by e-mail, end to end on the demo partnership: the
 * counsellor (vejleder@) registers a mentor and sends the invitation, moves an
 * event and invites the mentor to it; the mentor chooses a password on a 360 px
 * phone, logs in and answers "Kommer". Mail goes to a real local SMTP server.
 */
const ctx = browserEnvWithMail();

const MENTOR = 'Birgitte Frivillig';
const EMAIL = 'birgitte@frivillig.invalid';
const EVENT = 'Mentorcafé i Aulum';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('a volunteer mentor gets a login and answers a network invitation', () => {
  it('the counsellor registers the mentor, sends the login invitation, moves an event and invites the mentor', async () => {
    const page = await ctx.env.newPage(1280);
    await loginAs(page, 'vejleder@demo.fodfaeste.dk');
    await page.goto('/mentors/new');
    await page.getByLabel('Navn', { exact: true }).fill(MENTOR);
    await page.getByLabel('E-mail', { exact: true }).fill(EMAIL);
    await page.getByRole('button', { name: 'Registrér mentor' }).click();
    await page.getByRole('heading', { level: 1, name: MENTOR }).waitFor();
    const invite = page.getByTestId('mentor-invite');
    // The login e-mail starts as the profile's e-mail.
    expect(await invite.getByLabel('Mentorens e-mail til login').inputValue()).toBe(EMAIL);
    await checkA11y(page, 'mentor page with the login invitation');
    // A profile edit not saved yet survives sending the invitation.
    await page.getByLabel('Job', { exact: true }).fill('Tømrer');
    await invite.getByRole('button', { name: 'Giv login og send invitation' }).click();
    await invite.getByText(`Invitationen er sendt til ${EMAIL}`, { exact: false }).waitFor();
    await invite.getByRole('button', { name: 'Send ny invitation' }).waitFor();
    expect(await page.getByLabel('Job', { exact: true }).inputValue()).toBe('Tømrer');
    const mail = ctx.smtp.received.find((m) => m.to.includes(EMAIL))!;
    expect(mail.subject).toBe('Du er inviteret til Fodfæste som mentor');

    await page.goto('/network');
    await page.getByText('Opret arrangement', { exact: true }).first().click();
    await page.getByLabel('Arrangement', { exact: true }).fill('Mentorcafe (kladde)');
    await page.getByLabel('Dato', { exact: true }).fill(inDays(20));
    await page.getByLabel('Sted', { exact: true }).fill('Ukendt');
    await page.getByRole('button', { name: 'Opret arrangement' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mentorcafe (kladde)' }).waitFor();

    // Afterwards: new title, a later date and time, and the real place.
    await page.getByText('Ret titel, tid og sted').click();
    const edit = page.getByTestId('event-edit');
    await edit.getByLabel('Arrangement', { exact: true }).fill(EVENT);
    await edit.getByLabel('Dato', { exact: true }).fill(inDays(21));
    await edit.getByLabel('Klokkeslæt').fill('16:30');
    await edit.getByLabel('Sted', { exact: true }).fill('Aulum Fritidscenter');
    await checkA11y(page, 'event page with the edit form');
    await edit.getByRole('button', { name: 'Gem ændringer' }).click();
    await edit.getByText('Ændringerne er gemt.').waitFor();
    await page.getByRole('heading', { level: 1, name: EVENT }).waitFor();
    await page.getByText(/16[.:]30 · Aulum Fritidscenter/).waitFor();

    await page.getByText('Vælg virksomheder og mentorer').click();
    await page.getByRole('checkbox', { name: MENTOR }).check();
    await page.getByRole('button', { name: 'Invitér (1)' }).click();
    await page.getByTestId('invitations').getByText(MENTOR).waitFor();
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 180_000);

  it('the mentor chooses a password, logs in on a 360 px phone, lands on the mentee page and answers "Kommer"', async () => {
    const mail = ctx.smtp.received.filter((m) => m.to.includes(EMAIL)).at(-1)!;
    const token = /\/invitation#([A-Za-z0-9_-]{20,})/.exec(mail.text)![1];
    const page = await ctx.env.newPage(360);
    await page.goto(`/invitation#${token}`);
    await page.getByRole('heading', { level: 1, name: 'Vælg din kode' }).waitFor();
    await page.getByLabel('Ny kode').fill('Mentor-kaffe-og-kage-7');
    await page.getByRole('button', { name: 'Gem min kode' }).click();
    await page.getByText('Din kode er gemt.').waitFor();
    await page.getByRole('link', { name: 'Log ind nu' }).click();
    await page.getByLabel(/^(E-mail|Email)$/).fill(EMAIL);
    await page.getByLabel(/^(Adgangskode|Password)$/).fill('Mentor-kaffe-og-kage-7');
    await page.getByRole('button', { name: /^(Log ind|Log in)$/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Mine mentees' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/mentees');

    // The start page says an invitation is waiting.
    await page.goto('/');
    await page.getByTestId('pending-invitations').getByText('1 invitation fra netværket venter på dit svar').waitFor();
    await checkA11y(page, 'mentor start page with a waiting invitation');
    // The mentor's menu leads to the invitations.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Invitationer', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Invitationer fra netværket' }).waitFor();
    const card = page.getByTestId('event-invitations').locator('li', { hasText: EVENT });
    await card.getByText('Aulum Fritidscenter', { exact: false }).waitFor();
    await card.getByText('Du har ikke svaret endnu.').waitFor();
    await checkA11y(page, 'mentor invitations');
    await expectNoSidewaysScroll(page);
    await card.getByRole('button', { name: 'Kommer', exact: true }).click();
    await page.getByText(`Tak. Du er meldt til ${EVENT}.`).waitFor();
    await card.locator('button[aria-pressed="true"]', { hasText: 'Kommer' }).waitFor();
    await card.getByText('Du har svaret: kommer.').waitFor();
    await checkA11y(page, 'mentor invitations after answering');
    await screenshot(page, 'mentor-events');
    // The answer reached the server: it is still there after a reload.
    await page.reload();
    await page.getByTestId('event-invitations').locator('li', { hasText: EVENT }).getByText('Du har svaret: kommer.').waitFor();
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);
  }, 180_000);
});
