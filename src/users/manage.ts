import { sql } from 'kysely';
import type { Config } from '../core/config.ts';
import type { Trx } from '../core/db.ts';
import { audit } from '../core/audit.ts';
import { AppError, badRequest, conflict } from '../core/errors.ts';
import type { Actor } from '../core/policy.ts';
import { INVITE_HOURS, issueInvite } from '../auth/invites.ts';
import type { InviteChannel } from '../access/handover.ts';
import { STAFF_ROLES, type CreateUserBody, type StaffRole, type UpdateUserBody } from './schemas.ts';
import { loadMember, otherMemberships, toSummary } from './queries.ts';

const PURPOSE = 'user_administration';
const isStaff = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

/** The invitation to a new staff member, in plain Danish. */
export const staffInviteText = (name: string, partnership: string, link: string) =>
  `Hej ${name}\n\nDu er blevet oprettet som bruger i Fodfæste for ${partnership}.\n\n` +
  `Klik på linket og vælg en kode:\n${link}\n\nLinket virker i ${INVITE_HOURS / 24} dage og kun én gang.\n` +
  `Bagefter logger du ind med din e-mail og din kode.\nHar du ikke ventet mailen? Så kan du bare slette den.\n`;

/** A new staff login without a password, its membership and the one-time link; all or nothing. */
export async function createStaffUser(trx: Trx, config: Config, actor: Actor, body: CreateUserBody) {
  const email = body.email.trim().toLowerCase();
  const name = body.name.trim();
  const taken = await trx.selectFrom('users').select('id').where(sql<boolean>`lower(email) = ${email}`).executeTakeFirst();
  if (taken) throw conflict('Der findes allerede en bruger med denne e-mail.');
  const user = await trx.insertInto('users').values({ email, name, phone: body.phone?.trim() || null }).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('memberships').values({ user_id: user.id, partnership_id: actor.partnershipId, role: body.role }).execute();
  await audit(trx, actor, { action: 'create', subjectKind: 'user', subjectId: user.id, purpose: PURPOSE });
  const sent = await inviteStaff(trx, config, actor, { id: user.id, email, name, phone: body.phone?.trim() || null }, body.channel);
  return { user: toSummary(await loadMember(trx, actor.partnershipId, user.id)), ...sent };
}

async function inviteStaff(trx: Trx, config: Config, actor: Actor, user: { id: string; email: string; name: string; phone: string | null }, channel?: InviteChannel) {
  const p = await trx.selectFrom('partnerships').select('name').where('id', '=', actor.partnershipId).executeTakeFirstOrThrow();
  return issueInvite(trx, config, {
    partnershipId: actor.partnershipId, userId: user.id, purpose: 'staff', subjectId: user.id, createdBy: actor.userId,
    to: user.email, subject: 'Du er inviteret til Fodfæste', text: (link) => staffInviteText(user.name, p.name, link),
    channel, phone: user.phone, name: user.name,
  });
}

/** A new link for an invited staff member who has not chosen a password yet (the old link stops working). */
export async function reinviteStaffUser(trx: Trx, config: Config, actor: Actor, member: { user_id: string; role: string }, channel?: InviteChannel) {
  const u = await trx.selectFrom('users').select(['id', 'email', 'name', 'phone', 'password_hash', 'active']).where('id', '=', member.user_id).executeTakeFirstOrThrow();
  if (!isStaff(member.role)) throw badRequest('Kun medarbejdere inviteres herfra. Kontaktpersoner og mentorer inviteres fra virksomheden eller mentorregistret.');
  if (!u.active) throw conflict('Brugeren er deaktiveret. Genaktiver brugeren først.');
  if (u.password_hash) throw conflict('Brugeren har allerede valgt en kode og kan logge ind.');
  await audit(trx, actor, { action: 'change', subjectKind: 'user', subjectId: u.id, purpose: PURPOSE });
  const sent = await inviteStaff(trx, config, actor, u, channel);
  return { user: toSummary(await loadMember(trx, actor.partnershipId, u.id)), ...sent };
}

/**
 * Role change and/or (de)activation. Ending the user's sessions is left to the
 * database trigger from migration 0062, so it happens whichever way the row changes.
 */
export async function updateUser(trx: Trx, actor: Actor, member: { user_id: string; role: string }, body: UpdateUserBody) {
  const self = member.user_id === actor.userId;
  if (self && body.active === false) throw badRequest('Du kan ikke deaktivere dig selv. Bed en anden administrator om det.', [{ field: 'active', message: 'Du kan ikke deaktivere dig selv.' }]);
  if (self && body.role !== undefined && body.role !== 'admin') throw badRequest('Du kan ikke fjerne din egen administratorrolle. Bed en anden administrator om det.', [{ field: 'role', message: 'Du kan ikke fjerne din egen administratorrolle.' }]);
  if (body.role !== undefined && body.role !== member.role) {
    if (!isStaff(member.role)) throw badRequest('Rollen kan kun skiftes for medarbejdere. Virksomhedskontakter og mentorer får login fra deres egen side.', [{ field: 'role', message: 'Rollen kan ikke skiftes for denne bruger.' }]);
    await trx.updateTable('memberships').set({ role: body.role }).where('user_id', '=', member.user_id).where('partnership_id', '=', actor.partnershipId).execute();
  }
  if (body.active !== undefined) {
    const current = await trx.selectFrom('users').select('active').where('id', '=', member.user_id).forUpdate().executeTakeFirstOrThrow();
    if (current.active !== body.active) {
      // The account is shared by every partnership it belongs to; one partnership's admin must not shut the others out.
      if (await otherMemberships(trx, actor.partnershipId, member.user_id)) {
        throw new AppError(409, 'conflict', 'Brugeren er også med i et andet netværk og kan ikke deaktiveres eller genaktiveres herfra. Kontakt systemets driftsansvarlige.');
      }
      await trx.updateTable('users').set({ active: body.active, deactivated_at: body.active ? null : new Date() }).where('id', '=', member.user_id).execute();
    }
  }
  await audit(trx, actor, { action: 'change', subjectKind: 'user', subjectId: member.user_id, purpose: PURPOSE });
  return toSummary(await loadMember(trx, actor.partnershipId, member.user_id));
}
