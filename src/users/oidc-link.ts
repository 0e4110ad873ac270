import type { Trx } from '../core/db.ts';
import { audit } from '../core/audit.ts';
import { AppError, badRequest, conflict } from '../core/errors.ts';
import type { Actor } from '../core/policy.ts';
import { OIDC_ROLES } from '../auth/oidc-roles.ts';
import { otherMemberships } from './queries.ts';

/**
 * An administrator links a staff user to their account at the municipality's login
 * by the provider's subject (or removes the link): the second way, beside the user's
 * own password login, a link is proven (issue 22; src/auth/oidc-link.ts). The issuer
 * is filled in at the user's next sign-in.
 */
export async function setOidcLink(trx: Trx, actor: Actor, member: { user_id: string; role: string }, subject: string | null) {
  if (!(OIDC_ROLES as readonly string[]).includes(member.role)) {
    throw badRequest('Kommunens login kan kun kobles til medarbejdere (ungevejledere, administratorer og styregruppen).', [{ field: 'subject', message: 'Kan ikke kobles til denne bruger.' }]);
  }
  // The account is shared by every partnership it belongs to: one partnership's admin must not change how it logs in for the others.
  if (await otherMemberships(trx, actor.partnershipId, member.user_id)) {
    throw new AppError(409, 'conflict', 'Brugeren er også med i et andet netværk, så koblingen kan ikke ændres herfra. Brugeren kan selv koble ved at logge ind med adgangskode.');
  }
  const wanted = subject?.trim() || null;
  if (wanted) {
    const taken = await trx.selectFrom('users').select('id').where('oidc_subject', '=', wanted).where('id', '<>', member.user_id).executeTakeFirst();
    if (taken) throw conflict('Dette login hos kommunen er allerede koblet til en anden bruger.');
  }
  await trx.updateTable('users').set({ oidc_subject: wanted, oidc_issuer: null }).where('id', '=', member.user_id).execute();
  await audit(trx, actor, { action: 'change', subjectKind: 'user', subjectId: member.user_id, purpose: 'user_administration' });
  return { subject: wanted };
}
