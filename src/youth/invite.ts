import { createHash, randomBytes } from 'node:crypto';
import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { authorize } from '../core/policy.ts';
import { AppError, badRequest } from '../core/errors.ts';
import { sendMail } from '../core/mail.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { hashPassword, passwordProblem } from '../auth/passwords.ts';
import { destroyUserSessions } from '../auth/sessions.ts';
import { youthPermissions as P } from './policy.ts';
import { findYoungPersonRow } from './queries.ts';
import { AcceptInviteBody, IdParams, InviteResponse } from './schemas.ts';

export const INVITE_HOURS = 72;

/** The invite e-mail, in plain Danish (measured by the LIX test). */
export const inviteMailText = (firstName: string, link: string) =>
  `Hej ${firstName}\n\nDin vejleder har givet dig adgang til Fodfæste.\nHer kan du se din plan og ringe til din kontaktperson.\n\nKlik på linket og vælg en kode:\n${link}\n\nLinket virker i ${INVITE_HOURS / 24} dage og kun én gang.\nHar du ikke bedt om det? Så kan du bare slette mailen.\n`;
const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex');

/**
 * A counsellor invites a young person to log in: an e-mail with a single-use link
 * that expires after 72 hours. Only a hash of the token is stored; a new invite
 * makes earlier unused ones void.
 */
export async function inviteRoutes(app: App) {
  const { db, config } = app.deps;

  app.post('/api/youth/:id/invite', {
    config: { permission: P['youth.invite'] },
    schema: { tags: ['youth'], params: IdParams, response: { 201: InviteResponse, 400: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const result = await db.transaction().execute(async (trx) => {
      const yp = await authorize(actor, P['youth.invite'], await findYoungPersonRow(trx, actor.partnershipId, req.params.id), trx);
      if (!yp.email) throw badRequest('Den unge har ingen e-mail. Skriv e-mailen på den unge først.', [{ field: 'email', message: 'Skriv e-mailen først.' }]);
      let userId = yp.user_id;
      if (!userId) {
        const existing = await trx.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', yp.email!.toLowerCase())).executeTakeFirst();
        if (existing) throw badRequest('E-mailen bruges allerede af en anden bruger. Tjek e-mailen.', [{ field: 'email', message: 'E-mailen bruges allerede.' }]);
        const user = await trx.insertInto('users').values({ email: yp.email, name: `${yp.first_name} ${yp.last_name}` }).returning('id').executeTakeFirstOrThrow();
        await trx.insertInto('memberships').values({ user_id: user.id, partnership_id: actor.partnershipId, role: 'young_person' }).execute();
        await trx.updateTable('young_people').set({ user_id: user.id }).where('id', '=', yp.id).execute();
        userId = user.id;
      }
      await trx.updateTable('youth_invites').set({ used_at: new Date() }).where('young_person_id', '=', yp.id).where('used_at', 'is', null).execute();
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + INVITE_HOURS * 3_600_000);
      await trx.insertInto('youth_invites').values({ young_person_id: yp.id, user_id: userId, token_hash: tokenHash(token), expires_at: expiresAt, created_by: actor.userId }).execute();
      await audit(trx, actor, { action: 'create', subjectKind: 'invite', subjectId: yp.id, purpose: 'casework' });
      const base = (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');
      const link = `${base}/invitation#${token}`;
      // Sent inside the transaction: if the mail cannot go, no invite is stored.
      if (!config.SMTP_URL) {
        throw new AppError(503, 'mail_not_configured', 'Systemet kan ikke sende e-mail, fordi der ikke er sat en mailserver op. Kontakt administratoren.');
      }
      await sendMail(config, {
        to: yp.email,
        subject: 'Du er inviteret til Fodfæste',
        text: inviteMailText(yp.first_name, link),
      }).catch(() => {
        throw new AppError(503, 'mail_failed', 'E-mailen kunne ikke sendes lige nu. Prøv igen om lidt.');
      });
      return { sentTo: yp.email, expiresAt: expiresAt.toISOString() };
    });
    return reply.status(201).send(result);
  });

  app.post('/api/invites/accept', {
    config: { permission: 'public' },
    schema: { tags: ['youth'], body: AcceptInviteBody, response: { 204: { type: 'null' }, 400: ErrorResponse } },
  }, async (req, reply) => {
    const problem = passwordProblem(req.body.password);
    if (problem) throw badRequest(problem, [{ field: 'password', message: problem }]);
    const passwordHash = await hashPassword(req.body.password);
    const userId = await db.transaction().execute(async (trx) => {
      const invite = await trx.selectFrom('youth_invites').selectAll().where('token_hash', '=', tokenHash(req.body.token)).forUpdate().executeTakeFirst();
      if (!invite || invite.used_at || new Date(invite.expires_at) < new Date()) {
        throw new AppError(400, 'invite_invalid', 'Linket virker ikke længere. Bed din vejleder om et nyt link.');
      }
      await trx.updateTable('youth_invites').set({ used_at: new Date() }).where('id', '=', invite.id).execute();
      await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', invite.user_id).execute();
      return invite.user_id;
    });
    await destroyUserSessions(db, userId);
    return reply.status(204).send();
  });
}
