import { sql } from 'kysely';
import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import type { Config } from '../core/config.ts';
import type { Trx } from '../core/db.ts';
import { actorOf } from '../core/actor.ts';
import { badRequest, conflict } from '../core/errors.ts';
import { authorize, type Actor } from '../core/policy.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { INVITE_HOURS, issueInvite, publicBase, sendAccountMail } from '../auth/invites.ts';
import { HandoverFields, InviteChannelQuery, type InviteChannel } from '../access/handover.ts';
import { IdParams } from '../lifeline/schemas.ts';
import { mentorPermissions as P } from './policy.ts';
import { findMentor, type MentorRow } from './queries.ts';

export const MentorLoginBody = Type.Object({ email: Type.String({ format: 'email', maxLength: 254 }) });
/** expiresAt is null when the login had a password already: then a notice went out, not a link. */
export const MentorLoginResponse = Type.Object({
  mentorId: Type.String(), userId: Type.String(), email: Type.String(), sentTo: Type.String(), expiresAt: Type.Union([Type.String(), Type.Null()]), ...HandoverFields,
});

/** The invitation to a volunteer mentor, in plain Danish. */
export const mentorInviteText = (name: string, link: string) =>
  `Hej ${name}\n\nTak fordi du er frivillig mentor i netværket. Nu har du fået adgang til Fodfæste.\n` +
  `Her kan du se din mentee, skrive en kort note efter jeres møder og svare på invitationer fra netværket.\n\n` +
  `Klik på linket og vælg en kode:\n${link}\n\nLinket virker i ${INVITE_HOURS / 24} dage og kun én gang.\n` +
  `Bagefter logger du ind med din e-mail og din kode.\nHar du ikke ventet mailen? Så kan du bare slette den.\n`;

export const mentorAccessText = (name: string, loginUrl: string) =>
  `Hej ${name}\n\nDu har fået adgang til Fodfæste som mentor.\nLog ind med din e-mail og den kode, du har i forvejen:\n${loginUrl}\n`;

/**
 * A login for the mentor: the user with that e-mail (new or existing) as
 * volunteer_mentor in the partnership, linked to the profile. A company mentor
 * gets their login as the company's contact person instead.
 */
async function giveMentorLogin(trx: Trx, mentor: MentorRow, emailInput: string) {
  const email = emailInput.trim().toLowerCase();
  if (mentor.kind === 'company') throw badRequest('En virksomhedsmentor får login som kontaktperson hos virksomheden.');
  if (mentor.user_id) throw conflict('Mentoren har allerede et login. Send en ny invitation i stedet.');
  let user = await trx.selectFrom('users').select('id').where(sql<boolean>`lower(email) = ${email}`).executeTakeFirst();
  user ??= await trx.insertInto('users').values({ email, name: mentor.name }).returning('id').executeTakeFirstOrThrow();
  const membership = await trx.selectFrom('memberships').select('role')
    .where('user_id', '=', user.id).where('partnership_id', '=', mentor.partnership_id).executeTakeFirst();
  if (membership && membership.role !== 'volunteer_mentor') throw conflict('Denne e-mail bruges allerede af en bruger med en anden rolle i netværket.');
  const linked = await trx.selectFrom('mentors').select('id').where('user_id', '=', user.id).where('partnership_id', '=', mentor.partnership_id).executeTakeFirst();
  if (linked) throw conflict('Denne e-mail er allerede login for en anden mentor i netværket.');
  if (!membership) await trx.insertInto('memberships').values({ user_id: user.id, partnership_id: mentor.partnership_id, role: 'volunteer_mentor' }).execute();
  await trx.updateTable('mentors').set({ user_id: user.id, email: mentor.email ?? email, updated_at: new Date() }).where('id', '=', mentor.id).execute();
  return user.id;
}

/** A one-time link when the login has no password yet, else a notice; in the caller's transaction (no mail, no login). */
async function inviteMentor(trx: Trx, config: Config, actor: Actor, mentor: MentorRow, userId: string, channel?: InviteChannel) {
  const u = await trx.selectFrom('users').select(['email', 'password_hash']).where('id', '=', userId).executeTakeFirstOrThrow();
  const base = { mentorId: mentor.id, userId, email: u.email };
  if (u.password_hash) {
    // Without e-mail there is nothing to send: the mentor logs in with the password they have.
    if (!config.SMTP_URL) return { ...base, sentTo: '', expiresAt: null };
    await sendAccountMail(config, u.email, 'Du har fået adgang til Fodfæste som mentor', mentorAccessText(mentor.name, `${publicBase(config)}/login`));
    return { ...base, sentTo: u.email, expiresAt: null };
  }
  const sent = await issueInvite(trx, config, {
    partnershipId: mentor.partnership_id, userId, purpose: 'volunteer_mentor', subjectId: mentor.id, createdBy: actor.userId,
    to: u.email, subject: 'Du er inviteret til Fodfæste som mentor', text: (link) => mentorInviteText(mentor.name, link),
    channel, phone: mentor.phone, name: mentor.name,
  });
  return { ...base, ...sent };
}

export async function mentorInviteRoutes(app: App) {
  const { db, config } = app.deps;
  const responses = { 200: MentorLoginResponse, 400: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 503: ErrorResponse };

  app.post('/api/mentors/:id/login', {
    config: { permission: P['mentors.login'] },
    schema: { tags: ['mentors'], description: 'Give a mentor a login; they get an e-mail with a one-time link to choose a password', params: IdParams, querystring: InviteChannelQuery, body: MentorLoginBody, response: responses },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const mentor = await authorize(actor, P['mentors.login'], await findMentor(trx, actor.partnershipId, req.params.id), trx);
      const userId = await giveMentorLogin(trx, mentor, req.body.email);
      return inviteMentor(trx, config, actor, mentor, userId, req.query.channel);
    });
  });

  app.post('/api/mentors/:id/invite', {
    config: { permission: P['mentors.login'] },
    schema: { tags: ['mentors'], description: 'Send the mentor a new one-time link (earlier links stop working)', params: IdParams, querystring: InviteChannelQuery, response: responses },
  }, async (req) => {
    const actor = actorOf(req);
    return db.transaction().execute(async (trx) => {
      const mentor = await authorize(actor, P['mentors.login'], await findMentor(trx, actor.partnershipId, req.params.id), trx);
      if (!mentor.user_id) throw conflict('Mentoren har ikke et login endnu.');
      return inviteMentor(trx, config, actor, mentor, mentor.user_id, req.query.channel);
    });
  });
}
