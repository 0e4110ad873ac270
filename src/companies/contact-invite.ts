import type { App } from '../core/app-types.ts';
import type { Config } from '../core/config.ts';
import type { Trx } from '../core/db.ts';
import { actorOf } from '../core/actor.ts';
import { conflict } from '../core/errors.ts';
import { authorize, type Actor } from '../core/policy.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { INVITE_HOURS, issueInvite, publicBase, sendAccountMail } from '../auth/invites.ts';
import { InviteChannelQuery, type InviteChannel } from '../access/handover.ts';
import { companyPermissions as P } from './policy.ts';
import { findCompany } from './queries.ts';
import { CompanyContactParams, ContactLogin, LoginBody } from './schemas.ts';
import { findContact } from './write.ts';
import { giveLogin } from './contacts.ts';

/** The invitation to a company contact person, in plain Danish. */
export const contactInviteText = (name: string, company: string, link: string) =>
  `Hej ${name}\n\nI er med i netværket, og nu har du fået adgang til Fodfæste for ${company}.\n` +
  `Her kan du skrive fremmøde for jeres unge, ringe til vejlederen og svare på invitationer fra netværket.\n\n` +
  `Klik på linket og vælg en kode:\n${link}\n\nLinket virker i ${INVITE_HOURS / 24} dage og kun én gang.\n` +
  `Bagefter logger du ind med din e-mail og din kode.\nHar du ikke ventet mailen? Så kan du bare slette den.\n`;

/** For a person who already has a password (e.g. from another network): a notice, no link. */
export const contactAccessText = (name: string, company: string, loginUrl: string) =>
  `Hej ${name}\n\nDu har fået adgang til Fodfæste for ${company}.\nLog ind med din e-mail og den kode, du har i forvejen:\n${loginUrl}\n`;

/**
 * Sends the contact's login a one-time link to choose a password, or a notice when
 * the login already has one. Runs in the caller's transaction: no mail, no login.
 */
async function inviteContact(trx: Trx, config: Config, actor: Actor, contactId: string, company: { name: string }, channel?: InviteChannel) {
  const c = await trx.selectFrom('company_contacts as cc').innerJoin('users as u', 'u.id', 'cc.user_id')
    .select(['cc.id', 'cc.name', 'cc.phone', 'cc.partnership_id', 'u.id as user_id', 'u.email', 'u.password_hash'])
    .where('cc.id', '=', contactId).executeTakeFirst();
  if (!c) throw conflict('Kontaktpersonen har ikke et login endnu.');
  if (c.password_hash) {
    // Without e-mail there is nothing to send: the person logs in with the password they have.
    if (!config.SMTP_URL) return { sentTo: '', expiresAt: null };
    await sendAccountMail(config, c.email, `Du har fået adgang til Fodfæste for ${company.name}`, contactAccessText(c.name, company.name, `${publicBase(config)}/login`));
    return { sentTo: c.email, expiresAt: null, channel: 'email' as const };
  }
  return issueInvite(trx, config, {
    partnershipId: c.partnership_id, userId: c.user_id, purpose: 'company_contact', subjectId: c.id, createdBy: actor.userId,
    to: c.email, subject: `Du er inviteret til Fodfæste for ${company.name}`, text: (link) => contactInviteText(c.name, company.name, link),
    channel, phone: c.phone, name: c.name,
  });
}

export async function contactLoginRoutes(app: App) {
  const { db, config } = app.deps;

  app.post('/api/companies/:id/contacts/:contactId/login', {
    config: { permission: P['companies.write'] },
    schema: {
      tags: ['companies'], description: 'Give a contact person a login; they get an e-mail with a one-time link to choose a password',
      params: CompanyContactParams, querystring: InviteChannelQuery, body: LoginBody, response: { 200: ContactLogin, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const company = await authorize(actor, P['companies.write'], await findCompany(trx, actor.partnershipId, req.params.id), trx);
      const contact = await giveLogin(trx, await findContact(trx, company.id, req.params.contactId), req.body.email);
      return { ...contact, ...(await inviteContact(trx, config, actor, contact.id, company, req.query.channel)) };
    });
  });

  app.post('/api/companies/:id/contacts/:contactId/invite', {
    config: { permission: P['companies.write'] },
    schema: {
      tags: ['companies'], description: 'Send the contact person a new one-time link (earlier links stop working)',
      params: CompanyContactParams, querystring: InviteChannelQuery, response: { 200: ContactLogin, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse },
    },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const company = await authorize(actor, P['companies.write'], await findCompany(trx, actor.partnershipId, req.params.id), trx);
      const row = await findContact(trx, company.id, req.params.contactId);
      const sent = await inviteContact(trx, config, actor, row.id, company, req.query.channel);
      return { id: row.id, name: row.name, title: row.title, phone: row.phone, email: row.email, hasLogin: true, ...sent };
    });
  });
}
