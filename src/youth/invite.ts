import type { App } from '../core/app-types.ts';
import { actorOf } from '../core/actor.ts';
import { audit } from '../core/audit.ts';
import { authorize } from '../core/policy.ts';
import { badRequest } from '../core/errors.ts';
import { ErrorResponse } from '../auth/schemas.ts';
import { INVITE_HOURS, InviteResponse, issueInvite } from '../auth/invites.ts';
import { InviteChannelQuery } from '../access/handover.ts';
import { youthPermissions as P } from './policy.ts';
import { findYoungPersonRow } from './queries.ts';
import { IdParams } from './schemas.ts';

/** The invite e-mail, in plain Danish (measured by the LIX test). */
export const inviteMailText = (firstName: string, link: string) =>
  `Hej ${firstName}\n\nDin vejleder har givet dig adgang til Fodfæste.\nHer kan du se din plan og ringe til din kontaktperson.\n\nKlik på linket og vælg en kode:\n${link}\n\nLinket virker i ${INVITE_HOURS / 24} dage og kun én gang.\nHar du ikke bedt om det? Så kan du bare slette mailen.\n`;

/**
 * A counsellor invites a young person to log in: an e-mail with a single-use link
 * that expires after 72 hours (src/auth/invites.ts, shared with company contacts).
 */
export async function inviteRoutes(app: App) {
  const { db, config } = app.deps;

  app.post('/api/youth/:id/invite', {
    config: { permission: P['youth.invite'] },
    schema: { tags: ['youth'], params: IdParams, querystring: InviteChannelQuery, response: { 201: InviteResponse, 400: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse } },
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
      await audit(trx, actor, { action: 'create', subjectKind: 'invite', subjectId: yp.id, purpose: 'casework' });
      return issueInvite(trx, config, {
        partnershipId: actor.partnershipId, userId, purpose: 'young_person', subjectId: yp.id, createdBy: actor.userId,
        to: yp.email, subject: 'Du er inviteret til Fodfæste', text: (link) => inviteMailText(yp.first_name, link),
        channel: req.query.channel, phone: yp.phone, name: yp.first_name,
      });
    });
    return reply.status(201).send(result);
  });
}
