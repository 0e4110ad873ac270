import { createHash, randomBytes } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { App } from '../core/app-types.ts';
import type { Config } from '../core/config.ts';
import type { Trx } from '../core/db.ts';
import { AppError, badRequest } from '../core/errors.ts';
import { sendMail } from '../core/mail.ts';
import { ErrorResponse } from './schemas.ts';
import { hashPassword, passwordProblem } from './passwords.ts';
import { destroyUserSessions } from './sessions.ts';
import { chooseChannel, deliverLink, HandoverFields, inviteSmsText, type InviteChannel } from '../access/handover.ts';

/**
 * One-time links to choose one's own password, for every login a counsellor hands
 * out (a young person's, a company contact person's). The e-mail goes out inside
 * the caller's transaction through the same SMTP transport the reminder outbox
 * uses (src/core/mail.ts), but not through the outbox table: the link is a
 * password-setting secret and is never stored, only its hash. If the mail cannot
 * go, the caller's change (the login) is rolled back with it.
 */
export const INVITE_HOURS = 72;
export const INVITE_PURPOSES = ['young_person', 'company_contact', 'volunteer_mentor', 'staff'] as const;
export type InvitePurpose = (typeof INVITE_PURPOSES)[number];

/** Where the person starts after choosing a password. */
const LANDING: Record<InvitePurpose, string> = { young_person: '/', company_contact: '/employer', volunteer_mentor: '/mentees', staff: '/' };
/** Whom to ask for a new link when this one no longer works: the person who usually sends it. */
const ASK_FOR_NEW: Record<InvitePurpose, string> = {
  young_person: 'Bed din vejleder om et nyt link.',
  company_contact: 'Bed jeres kontaktperson i netværket om et nyt link.',
  volunteer_mentor: 'Bed din kontaktperson i netværket om et nyt link.',
  staff: 'Bed en administrator om et nyt link.',
};

export const AcceptInviteBody = Type.Object({ token: Type.String({ minLength: 20, maxLength: 200 }), password: Type.String({ minLength: 1, maxLength: 1024 }) });
export const AcceptInviteResponse = Type.Object({ email: Type.String(), landing: Type.String() });
export const InviteResponse = Type.Object({ sentTo: Type.String(), expiresAt: Type.String(), ...HandoverFields });

const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex');
export const publicBase = (config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>) => (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/$/, '');

function assertMailConfigured(config: Pick<Config, 'SMTP_URL'>) {
  if (!config.SMTP_URL) {
    throw new AppError(503, 'mail_not_configured', 'Systemet kan ikke sende e-mail, fordi der ikke er sat en mailserver op. Kontakt administratoren.');
  }
}

/** Sends in the caller's transaction; a refusal from the mail server becomes a 503 and rolls the change back. */
export async function sendAccountMail(config: Config, to: string, subject: string, text: string) {
  assertMailConfigured(config);
  await sendMail(config, { to, subject, text }).catch(() => {
    throw new AppError(503, 'mail_failed', 'E-mailen kunne ikke sendes lige nu. Prøv igen om lidt.');
  });
}

export interface InviteRequest {
  partnershipId: string;
  userId: string;
  purpose: InvitePurpose;
  /** young_people.id, company_contacts.id, mentors.id or (staff) users.id: a new invite voids that subject's earlier unused ones. */
  subjectId: string;
  createdBy: string;
  to: string;
  subject: string;
  /** The mail text around the link. */
  text: (link: string) => string;
  /** E-mail, SMS or a link handed over by the inviter (src/access/handover.ts); default e-mail when set up, else link. */
  channel?: InviteChannel;
  /** For SMS: the phone number on file, and the name to greet. */
  phone?: string | null;
  name?: string;
}

/** Stores a new single-use link (its hash) and sends it or gives it back to hand over, in the caller's transaction. */
export async function issueInvite(trx: Trx, config: Config, r: InviteRequest) {
  const channel = chooseChannel(config, r.channel, r.phone);
  await trx.updateTable('login_invites').set({ used_at: new Date() })
    .where('purpose', '=', r.purpose).where('subject_id', '=', r.subjectId).where('used_at', 'is', null).execute();
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + INVITE_HOURS * 3_600_000);
  await trx.insertInto('login_invites').values({
    partnership_id: r.partnershipId, user_id: r.userId, purpose: r.purpose, subject_id: r.subjectId,
    token_hash: tokenHash(token), expires_at: expiresAt, created_by: r.createdBy, channel,
  }).execute();
  const sent = await deliverLink(config, `${publicBase(config)}/invitation#${token}`, {
    channel, email: r.to, phone: r.phone, subject: r.subject, mailText: r.text,
    smsText: (link) => inviteSmsText(r.name ?? '', link), reference: `fodfaeste-invite-${r.subjectId}-${expiresAt.getTime()}`,
  });
  return { ...sent, expiresAt: expiresAt.toISOString() };
}

/** The public half: the page at /invitation (web/src/features/account/) posts the token with the chosen password. */
export async function inviteAcceptRoutes(app: App) {
  const { db } = app.deps;
  app.post('/api/invites/accept', {
    config: { permission: 'public' },
    schema: { tags: ['auth'], body: AcceptInviteBody, response: { 200: AcceptInviteResponse, 400: ErrorResponse } },
  }, async (req) => {
    // The owner's name and e-mail are words the password must not be built from (passwords.ts).
    const owner = await db.selectFrom('login_invites as i').innerJoin('users as u', 'u.id', 'i.user_id')
      .select(['u.name', 'u.email']).where('i.token_hash', '=', tokenHash(req.body.token)).executeTakeFirst();
    const problem = passwordProblem(req.body.password, owner ?? {});
    if (problem) throw badRequest(problem, [{ field: 'password', message: problem }]);
    const passwordHash = await hashPassword(req.body.password);
    const result = await db.transaction().execute(async (trx) => {
      const invite = await trx.selectFrom('login_invites').selectAll().where('token_hash', '=', tokenHash(req.body.token)).forUpdate().executeTakeFirst();
      if (!invite || invite.used_at || new Date(invite.expires_at) < new Date()) {
        const ask = invite ? ASK_FOR_NEW[invite.purpose as InvitePurpose] : undefined;
        throw new AppError(400, 'invite_invalid', `Linket virker ikke længere. ${ask ?? 'Bed den, der sendte dig linket, om et nyt.'}`);
      }
      await trx.updateTable('login_invites').set({ used_at: new Date() }).where('id', '=', invite.id).execute();
      const user = await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', invite.user_id).returning('email').executeTakeFirstOrThrow();
      return { userId: invite.user_id, email: user.email, landing: LANDING[invite.purpose as InvitePurpose] ?? '/' };
    });
    await destroyUserSessions(db, result.userId);
    return { email: result.email, landing: result.landing };
  });
}
