import { describe, expect, it } from 'vitest';
import { browserEnvWithMail, checkA11y, horizontalOverflow, loginAs, pageProblems, screenshot } from '../../test/helpers/browser.ts';
import { DEMO_PASSWORD } from '../demo/accounts.ts';

/**
 * User administration on the demo partnership: the administrator (admin@) finds
 * "Brugere" in the menu, invites a new counsellor on a 360 px phone (the mail
 * reaches a real local SMTP server) and deactivates the steering group member,
 * who then cannot log in.
 */
const ctx = browserEnvWithMail();

const NEW = { name: 'Rasmus Ny', email: 'rasmus.ny@herning.invalid' };

describe('the administrator manages the partnership\'s users', () => {
  it('invites a counsellor and deactivates another user, at 360 px, with no axe violations', async () => {
    const wide = await ctx.env.newPage(1280);
    await loginAs(wide, 'admin@demo.fodfaeste.dk');
    await wide.getByRole('link', { name: 'Brugere', exact: true }).first().click();
    await wide.getByRole('heading', { level: 1, name: 'Brugere' }).waitFor();

    const page = await ctx.env.newPage(360);
    await loginAs(page, 'admin@demo.fodfaeste.dk');
    await page.goto('/admin/users');
    await page.getByRole('heading', { level: 1, name: 'Brugere' }).waitFor();
    await page.getByRole('cell', { name: /^Karen Vestergaard/ }).waitFor();
    await checkA11y(page, 'user list');
    expect(await horizontalOverflow(page)).toBe(0);

    await page.getByLabel('Navn', { exact: true }).fill(NEW.name);
    await page.getByLabel('E-mail', { exact: true }).fill(NEW.email);
    await page.getByLabel('Rolle', { exact: true }).selectOption('counsellor');
    await page.getByRole('button', { name: 'Opret og send invitation' }).click();
    await page.getByText(`${NEW.name} er oprettet, og invitationen er sendt til ${NEW.email}.`).waitFor();
    await page.getByRole('cell', { name: /^Rasmus Ny/ }).waitFor();
    const mail = ctx.smtp.received.find((m) => m.to.includes(NEW.email))!;
    expect(mail.subject).toBe('Du er inviteret til Fodfæste');
    expect(mail.text).toMatch(/\/invitation#[A-Za-z0-9_-]{20,}/);

    // An invited person who lost the mail gets a new link.
    await page.getByRole('button', { name: /^Administrer\s*:\s*Rasmus Ny$/ }).click();
    await page.getByRole('region', { name: 'Administrer Rasmus Ny' }).getByRole('button', { name: 'Send ny invitation' }).click();
    await page.getByText(`Rasmus Ny har fået en ny invitation på ${NEW.email}.`, { exact: false }).waitFor();
    expect(ctx.smtp.received.filter((m) => m.to.includes(NEW.email))).toHaveLength(2);

    // A role change asks first, naming both roles; nothing changes until it is confirmed (#21).
    const rasmus = page.getByRole('region', { name: 'Administrer Rasmus Ny' });
    await rasmus.getByLabel('Rolle', { exact: true }).selectOption('steering_group');
    await rasmus.getByRole('button', { name: 'Gem rolle' }).click();
    await rasmus.getByText('Skift Rasmus Nys rolle fra Ungevejleder til Styregruppe? Rasmus Ny bliver logget ud med det samme.').waitFor();
    await screenshot(page, 'users-confirm-role');
    await rasmus.getByRole('button', { name: 'Annuller' }).click();
    await page.getByRole('row', { name: /Rasmus Ny.*Ungevejleder/ }).waitFor();
    await rasmus.getByRole('button', { name: 'Gem rolle' }).click();
    await rasmus.getByRole('button', { name: 'Ja, skift rollen' }).click();
    await page.getByText('Rasmus Ny har nu rollen Styregruppe.').waitFor();
    await page.getByRole('row', { name: /Rasmus Ny.*Styregruppe/ }).waitFor();

    // Deactivate asks first.
    await page.getByRole('button', { name: /^Administrer\s*:\s*Karen Vestergaard$/ }).click();
    const manage = page.getByRole('region', { name: 'Administrer Karen Vestergaard' });
    await manage.getByRole('button', { name: 'Deaktiver bruger' }).click();
    await manage.getByText(/Vil du deaktivere Karen Vestergaard\?/).waitFor();
    await checkA11y(page, 'deactivation confirmation');
    await screenshot(page, 'users-confirm');
    await manage.getByRole('button', { name: 'Ja, deaktiver' }).click();
    await page.getByText('Karen Vestergaard er deaktiveret og logget ud.').waitFor();
    await page.getByRole('row', { name: /Karen Vestergaard.*Deaktiveret/ }).waitFor();
    await checkA11y(page, 'user list after deactivation');
    // The only 401s are the session checks on the login page before logging in.
    expect(pageProblems(page, [/401 \(Unauthorized\)/])).toEqual([]);

    const karen = await ctx.env.newPage(1280);
    await expect(loginAs(karen, 'styregruppe@demo.fodfaeste.dk', DEMO_PASSWORD)).rejects.toThrow(/Forkert e-mail eller adgangskode/);
  }, 240_000);
});
